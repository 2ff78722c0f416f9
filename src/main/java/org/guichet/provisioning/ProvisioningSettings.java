package org.guichet.provisioning;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Provisioning's settings ({@code guichet.provisioning.*}).
 *
 * @param scimToken the bearer token the HR system's provisioning client presents (a long random secret); none by
 *     default, and then every SCIM request is refused
 * @param scimMaxResults the most users one SCIM search returns in a page
 */
@ConfigurationProperties("guichet.provisioning")
public record ProvisioningSettings(
        @Nullable String scimToken, @DefaultValue("200") int scimMaxResults) {}
