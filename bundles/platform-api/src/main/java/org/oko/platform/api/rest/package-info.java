/**
 * OKO's one error format for every REST endpoint: a refusal as {@link org.oko.platform.api.rest.ApiException}
 * (kind, stable code, Russian and English message, optional field and details). The platform's
 * error mapper writes every error of every REST base as one JSON body; no bundle builds its own.
 * See {@code docs/api-errors.md}.
 */
@Version("1.0.0")
@Export
package org.oko.platform.api.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
