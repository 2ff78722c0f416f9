package org.guichet.directory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Directory settings, bound to {@code guichet.directory}.
 *
 * @param emailDomain the domain of agents' addresses: {@code login@emailDomain}
 */
@ConfigurationProperties("guichet.directory")
@Validated
public record DirectorySettings(
        @DefaultValue("ville.example") @NotBlank @Pattern(regexp = "[a-z0-9.-]+\\.[a-z]{2,}")
        String emailDomain) {}
