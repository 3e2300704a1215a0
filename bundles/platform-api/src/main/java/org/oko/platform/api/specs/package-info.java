/**
 * Specs as versioned data: a ВПР test's tasks and scale, a norms table, a criteria list. A module
 * ships the versions it knows as JSON files under {@code OKO-INF/specs/<kind>/} of its bundle, where
 * the platform's extender finds them when the bundle starts, and tells the platform how to read its
 * kind by registering a {@link org.oko.platform.api.specs.SpecType}; the centre publishes newer
 * versions at runtime. A published version never changes, so results computed against it stay
 * explainable; older versions are kept for past years.
 */
@Version("1.1.0")
@Export
package org.oko.platform.api.specs;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
