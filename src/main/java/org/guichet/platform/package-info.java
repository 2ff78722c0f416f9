/**
 * Platform: what several modules use, and nothing of any module. Error codes and RFC 9457 problem details for the JSON
 * API; the command-line entry points; the clock, dates and numbers as people read them, public holidays and calendar
 * feeds (leave, schedules); the employer's identity and the keys Guichet makes for itself ({@link
 * org.guichet.platform.Secrets}: trusted browsers, document signing); e-mail and SMS delivery with the demo outbox;
 * live settings (what administrators change while Guichet runs, each owner reading its own); the {@link
 * org.guichet.platform.Journaled} interface of events the journal records; event resubmission, and the lock that
 * makes each scheduled job run on one node per schedule (ShedLock, with the database's time); and under {@code
 * platform.web} the web shell (layout, language, error pages, watchdog) and the {@link
 * org.guichet.platform.web.WebAccess} each module declares.
 *
 * <p>This module depends on no other module (ArchitectureTests) and publishes no event.
 */
@ApplicationModule(
        displayName = "Platform",
        allowedDependencies = {})
@NullMarked
package org.guichet.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
