/**
 * The statistical compendium's chapters: {@link org.oko.compendium.api.ChapterSource} is the whiteboard through which
 * a bundle that holds figures (the analytics, a procedure module) offers its chapter of a year, built of
 * {@link org.oko.compendium.api.Chapter.Text texts}, {@link org.oko.compendium.api.Chapter.Table tables} and
 * {@link org.oko.compendium.api.Chapter.Chart charts}, each text in Russian and English. The compendium numbers the
 * tables and figures, renders HTML, PDF and XLSX, and keeps the versions (docs/compendium.md).
 */
@Version("1.0.0")
@Export
package org.oko.compendium.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
