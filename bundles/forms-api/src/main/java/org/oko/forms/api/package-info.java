/**
 * Forms as data: the model of a form definition (sections, indicators, tables, computed
 * indicators, rules), the registry of the forms that modules provide, and the small SPI through
 * which modules that compute plug in (whiteboard services).
 */
@Version("1.7.0")
@Export
package org.oko.forms.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
