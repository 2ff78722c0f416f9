/**
 * Security: what an agent sees of their own account's activity (sign-ins, failures, changes), their "this wasn't me"
 * report (every session closed, a new password required at the next sign-in, a case opened), and the security
 * officers' follow-up of those cases. The journal itself (search, export, verification) is the audit module's.
 *
 * <p>API: {@link org.guichet.security.NotMeReports}. Its actions are journaled directly. Published event: {@link
 * org.guichet.security.NotMeReported} (the security officers are told).
 */
@ApplicationModule(
        displayName = "Security",
        allowedDependencies = {"directory", "network", "identity", "session", "audit", "platform :: web-access"})
@NullMarked
package org.guichet.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
