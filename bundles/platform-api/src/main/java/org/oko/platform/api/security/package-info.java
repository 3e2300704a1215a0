/**
 * Who is calling: roles, the caller's organisation and scope, and the current caller of a request.
 * The users bundle authenticates; every module authorises with these types.
 */
@Version("1.3.0")
@Export
package org.oko.platform.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
