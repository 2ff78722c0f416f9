package org.guichet.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a service is published through the reverse proxy (forward-auth): a request to this host under this path
 * prefix is decided like the service, then the proxy sends it to the upstream.
 *
 * @param host the host name agents type ({@code sig.ville.example}, {@code gis.localhost}), without a port; compared
 *     without regard to case, as DNS names are
 * @param pathPrefix the path under which the service lives on that host ({@code /}, {@code /gis/}): compared
 *     character by character with the path the proxy routes on, after the same normalisation
 * @param upstream the internal address the proxy forwards to (documentation for the operator: the proxy's
 *     configuration names it)
 */
public record Publication(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?")
        String host,

        @DefaultValue("/") @Pattern(regexp = "/([^\\s;%]*)") String pathPrefix,
        @Nullable String upstream) {

    public Publication {
        host = host.toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether this request's host and normalised path are this publication's. */
    public boolean covers(String requestHost, String path) {
        if (!host.equals(requestHost.toLowerCase(java.util.Locale.ROOT))) {
            return false;
        }
        return pathPrefix.endsWith("/")
                ? path.startsWith(pathPrefix) || path.equals(pathPrefix.substring(0, pathPrefix.length() - 1))
                : path.equals(pathPrefix) || path.startsWith(pathPrefix + "/");
    }
}
