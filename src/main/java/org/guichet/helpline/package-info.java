/**
 * Helpline: conversations between agents and IT support, opened from where the agent is stuck. A conversation opened
 * from a refusal carries its reference, and the reason and channel the journal recorded for it (never what the address
 * bar says); the helpdesk sees the queue, each conversation beside its "check agent" findings, answers and resolves.
 *
 * <p>API: {@link org.guichet.helpline.Conversations}. Events: {@link org.guichet.helpline.ConversationOpened}, {@link
 * org.guichet.helpline.ConversationAnswered}, {@link org.guichet.helpline.ConversationResolved}, journaled without
 * what was written.
 */
@ApplicationModule(
        displayName = "Helpline",
        allowedDependencies = {"directory", "network", "identity", "audit", "support", "platform :: web-access"})
@NullMarked
package org.guichet.helpline;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
