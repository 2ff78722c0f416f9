/**
 * Notification: tells agents what they should know, by e-mail (and later in the portal). It only listens to the events
 * of other modules: the security of their account (lock, password, factors, mobile number), the approvals waiting for
 * them (with reminders and escalation), each step of their remote access, their new payslips, and leave decisions and cancellations.
 */
@ApplicationModule(
        displayName = "Notification",
        allowedDependencies = {
            "directory",
            "network",
            "identity",
            "access",
            "approval",
            "payslip",
            "leave",
            "request",
            "security",
            "helpline"
        })
@NullMarked
package org.guichet.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
