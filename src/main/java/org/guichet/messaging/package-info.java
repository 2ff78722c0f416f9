/**
 * Professional mail in the portal: the agent's own mailboxes on the administration's mail server (IMAP), reached with
 * an access token Guichet's authorization server gives it for the mail server and renews before it expires, so that
 * the agent never types a second password and the mail server refuses whatever a sign-out or a revocation ended.
 */
@ApplicationModule(
        displayName = "Messaging",
        allowedDependencies = {"directory", "network", "payslip", "request", "session", "sso", "platform :: web-access"
        })
@NullMarked
package org.guichet.messaging;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
