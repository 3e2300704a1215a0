/** The users other bundles address: who holds which role where, and how to reach them. */
@Version("1.2.0")
@Export
package org.oko.users.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
