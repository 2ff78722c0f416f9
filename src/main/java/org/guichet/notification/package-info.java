/**
 * Notification: tells agents what they should know, by e-mail (and later in the portal and by SMS for security
 * matters). It only listens to the events of other modules; for now, security mails: sign-in suspended after failures,
 * password changed.
 */
@ApplicationModule(
        displayName = "Notification",
        allowedDependencies = {"directory", "identity", "access"})
@NullMarked
package org.guichet.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
