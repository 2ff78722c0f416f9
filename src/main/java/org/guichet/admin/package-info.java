/**
 * Administration: what administrators change while Guichet runs, on every node without restart: the network zones
 * and trusted proxies, each service's opening (channels, assurance, departments closed), the lockout rules, who needs
 * a second factor, how long sessions last, and new versions of the IT charter. Forms are validated, and every change
 * is journaled with its author, its address and what it was before.
 *
 * <p>API: none; its pages are for the ADMIN role, with a second factor, from the office network only.
 */
@ApplicationModule(
        displayName = "Administration",
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
package org.guichet.admin;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
