package org.guichet.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The journal's settings ({@code guichet.audit.*}).
 *
 * @param retention how long entries are kept before the purge removes them (one year by default)
 * @param exportLimit the most entries one CSV export holds
 * @param anchorFile where the daily anchor of the chain's head is also appended (besides the log and the journal);
 *     none by default
 */
@Validated
@ConfigurationProperties("guichet.audit")
public record AuditSettings(
        @DefaultValue("365d") Duration retention,
        @DefaultValue("100000") int exportLimit,
        java.nio.file.@org.jspecify.annotations.Nullable Path anchorFile) {}
