/**
 * The catalog: one region, its territories and its organisations (schools with their branches,
 * and the non-school organisations users belong to). Every other part of OKO scopes by it.
 */
@Version("2.3.0")
@Export
package org.oko.catalog.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
