package org.guichet.session;

import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Session settings, bound to {@code guichet.session}.
 *
 * @param metricsAddresses addresses (or CIDR ranges) a Prometheus server may scrape {@code /actuator/prometheus}
 *     from without signing in; administrators reach it from anywhere once signed in
 */
@ConfigurationProperties("guichet.session")
@Validated
public record SessionSettings(
        @DefaultValue({"127.0.0.1/32", "::1/128"}) @NotEmpty List<String> metricsAddresses) {}
