/**
 * The platform's public contract: health of the installation, platform-wide settings and the
 * REST whiteboard that publishes JAX-RS resources registered by any bundle.
 */
@Version("1.7.0")
@Export
package org.oko.platform.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
