package org.guichet.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Identity settings, bound to {@code guichet.identity}.
 *
 * @param argon2 the cost of new password hashes; raising it upgrades each stored hash at its owner's next sign-in
 */
@ConfigurationProperties("guichet.identity")
@Validated
public record IdentitySettings(@DefaultValue @Valid Argon2 argon2) {

    /** Argon2id parameters; the defaults are OWASP's minimum: 19 MiB of memory, 2 passes, 1 lane. */
    public record Argon2(
            @DefaultValue("19456") @Min(19456) @Max(1048576) int memoryKib,
            @DefaultValue("2") @Min(2) @Max(10) int iterations,
            @DefaultValue("1") @Min(1) @Max(8) int parallelism) {}
}
