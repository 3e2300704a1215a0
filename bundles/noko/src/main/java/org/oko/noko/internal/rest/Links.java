package org.oko.noko.internal.rest;

import javax.ws.rs.core.UriInfo;

/** Where the public pages are: the configured public address, else the request's own. */
final class Links {

    static final String SURVEY_PAGE = "/ext/org.oko.noko/public/survey.html";

    private Links() {
    }

    static String survey(String publicUrl, UriInfo uri, String token) {
        return origin(publicUrl, uri) + SURVEY_PAGE + "?t=" + token;
    }

    static String origin(String publicUrl, UriInfo uri) {
        if (publicUrl != null && !publicUrl.isBlank()) {
            return publicUrl.replaceAll("/+$", "");
        }
        java.net.URI base = uri.getBaseUri();
        return base.getScheme() + "://" + base.getAuthority();
    }
}
