/**
 * Portal: the agent's home page with what is new (latest payslip, leave balances, today's hours, approvals waiting) and a tile per service (open, or closed with its reason and remedy), the entry to
 * each service ({@code /services/{id}}) and its API, the connection check, and the public pages every visitor may read
 * (legal notice, accessibility statement, help).
 */
@ApplicationModule(
        displayName = "Portal",
        allowedDependencies = {
            "directory",
            "network",
            "identity",
            "access",
            "session",
            "payslip",
            "leave",
            "schedule",
            "approval",
            "platform :: web-access"
        })
@NullMarked
package org.guichet.portal;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
