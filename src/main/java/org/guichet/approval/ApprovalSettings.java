package org.guichet.approval;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Approval settings, bound to {@code guichet.approval}.
 *
 * @param remindAfter how long an item waits before its approver is reminded (then again after as long)
 * @param escalateAfter how long an item waits for one approver before it goes up to their manager
 * @param refuseUnhandledKinds whether start-up stops while items wait of a kind no module handles (a kind renamed or
 *     a module removed: nobody could decide them); off only to start anyway, or to boot some modules alone in tests
 */
@ConfigurationProperties("guichet.approval")
@Validated
public record ApprovalSettings(
        @DefaultValue("3d") Duration remindAfter,
        @DefaultValue("7d") Duration escalateAfter,
        @DefaultValue("true") boolean refuseUnhandledKinds) {}
