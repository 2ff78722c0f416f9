package org.guichet.platform;

import java.util.Map;

/**
 * The security headers every answer carries. Spring Security writes them on everything that reaches the application;
 * the server writes the same ones on what it refuses itself before that (an unreadable address, say), from here.
 */
public final class SecurityHeaders {

    /** Only Guichet's own scripts, styles, images and fonts; no frame, no plugin, forms posted only to Guichet. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; form-action 'self'";

    public static final String REFERRER_POLICY = "same-origin";

    /** {@link #CONTENT_SECURITY_POLICY}, with forms also allowed to lead to these sources ({@link FormTargets}). */
    public static String contentSecurityPolicy(java.util.Collection<String> formTargets) {
        if (formTargets.isEmpty()) {
            return CONTENT_SECURITY_POLICY;
        }
        return CONTENT_SECURITY_POLICY + " " + String.join(" ", new java.util.TreeSet<>(formTargets));
    }

    /** Spring Security's writer of the policy, asking the modules' {@link FormTargets} at each answer. */
    public static org.springframework.security.web.header.HeaderWriter contentSecurityPolicy(
            java.util.List<FormTargets> targets) {
        return (request, response) -> {
            var sources = new java.util.HashSet<String>();
            targets.forEach(target -> sources.addAll(target.sources()));
            response.setHeader("Content-Security-Policy", contentSecurityPolicy(sources));
        };
    }

    /** What Spring Security's defaults write, with Guichet's policy and referrer policy (HSTS is added over HTTPS). */
    public static final Map<String, String> ALWAYS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "Referrer-Policy", REFERRER_POLICY,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "X-XSS-Protection", "0",
            "Cache-Control", "no-cache, no-store, max-age=0, must-revalidate",
            "Pragma", "no-cache",
            "Expires", "0");

    /** Over HTTPS: browsers keep to HTTPS for a year. */
    public static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000 ; includeSubDomains";

    private SecurityHeaders() {}
}
