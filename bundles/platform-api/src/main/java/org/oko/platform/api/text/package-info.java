/**
 * Texts for people as message keys: each bundle keeps its Russian texts in {@code messages.properties}
 * and the English ones in {@code messages_en.properties} beside a class of its own, and reads them through
 * {@link org.oko.platform.api.text.Texts}. No text joins two languages in code.
 */
@Version("1.0.0")
@Export
package org.oko.platform.api.text;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
