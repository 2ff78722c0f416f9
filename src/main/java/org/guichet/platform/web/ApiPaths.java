package org.guichet.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The JSON API lives under {@code /api/}, the SCIM provisioning API under {@code /scim/}; everything else is HTML for
 * people.
 */
final class ApiPaths {

    static final String PREFIX = "/api/";
    static final String SCIM = "/scim/";

    private ApiPaths() {}

    /** Whether the request, or the request that failed when this is an error dispatch, is an API call. */
    static boolean isApi(HttpServletRequest request) {
        var failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        var path = failed instanceof String uri ? uri : request.getRequestURI();
        return path.startsWith(request.getContextPath() + PREFIX) || path.startsWith(request.getContextPath() + SCIM);
    }
}
