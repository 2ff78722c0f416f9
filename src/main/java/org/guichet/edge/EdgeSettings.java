package org.guichet.edge;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Publishing applications through the reverse proxy, bound to {@code guichet.edge}.
 *
 * @param portalUrl the portal's address as agents reach it through the proxy ({@code https://guichet.ville.example}):
 *     where the proxy sends a browser to sign in or to read why it was refused
 * @param assertionLifetime how long the signed assertion given to an application ({@code X-Guichet-Assertion}) is
 *     valid
 * @param decisionCache how long a node answers the proxy again from the decision it took for the same session,
 *     service and client (a page loads dozens of files: one decision serves them); {@code 0} decides every request.
 *     A sign-out or a revoked session forgets the agent's decisions at once on the node that saw it; on the other
 *     nodes a changed decision shows after at most this long plus the settings' refresh: keep it at 2 seconds or less
 *     for the 5 seconds the revocation promises
 * @param decisionCacheSize how many decisions a node keeps at most
 */
@ConfigurationProperties("guichet.edge")
@Validated
public record EdgeSettings(
        @DefaultValue("http://guichet.localhost:8080") @NotBlank @Pattern(regexp = "https?://[^/?#\\s]+")
        String portalUrl,

        @DefaultValue("1m") Duration assertionLifetime,
        @DefaultValue("2s") Duration decisionCache,

        @DefaultValue("100000") @PositiveOrZero @Max(10_000_000)
        int decisionCacheSize) {}
