/**
 * Support: the helpdesk console. Find an agent by SOI, login or name; "check agent" lists every reason they may be
 * blocked right now, each with its remedy; the remedies (unlock, enrolment code, closing sessions, activating an
 * approved remote-access profile), each with a reason and journaled with its actor in the transaction of the action;
 * and a what-if view that asks the real access policy about an agent, a channel and a service.
 *
 * <p>API: {@link org.guichet.support.HelpdeskConsole}. It publishes no event: its actions are recorded in the
 * journal directly, and the modules it acts through publish theirs.
 */
@ApplicationModule(
        displayName = "Support",
        allowedDependencies = {
            "directory",
            "network",
            "identity",
            "access",
            "session",
            "audit",
            "platform :: web-access"
        })
@NullMarked
package org.guichet.support;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
