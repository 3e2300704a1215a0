/**
 * The one cache of OKO's bundles: {@link org.oko.platform.api.cache.Kept} keeps values computed from stored data while
 * the data's token holds (a generation, a change token) and at most an age, so that modules do not each write their
 * own. {@link org.oko.platform.api.cache.Generations} gives tokens that every node of several sees move.
 */
@Version("1.3.0")
@Export
package org.oko.platform.api.cache;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
