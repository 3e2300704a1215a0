/**
 * The one cache of OKO's bundles: {@link org.oko.platform.api.cache.Kept} keeps values computed from stored data while
 * the data's token holds (a generation, a change token) and at most an age, so that modules do not each write their
 * own. Per node for now (issue 26 will invalidate across nodes here).
 */
@Version("1.1.0")
@Export
package org.oko.platform.api.cache;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
