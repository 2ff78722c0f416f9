package org.guichet.directory.ldap;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.guichet.directory.SyncRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The synchronisation on its schedules, one node at a time: a full run ({@code guichet.directory.ldap.schedule}, a cron;
 * none by default) and, more often, a run of the changes ({@code guichet.directory.ldap.changes-schedule}).
 */
@Component
class LdapSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(LdapSchedule.class);

    private final LdapSync sync;

    LdapSchedule(LdapSync sync) {
        this.sync = sync;
    }

    @Scheduled(cron = "${guichet.directory.ldap.schedule:-}", zone = "Europe/Paris")
    @SchedulerLock(name = "ldap-sync", lockAtLeastFor = "PT1M", lockAtMostFor = "PT1H")
    void synchroniseOnSchedule() {
        synchronise(false);
    }

    /** The entries changed since the last run, more often ({@code guichet.directory.ldap.changes-schedule}). */
    @Scheduled(cron = "${guichet.directory.ldap.changes-schedule:-}", zone = "Europe/Paris")
    @SchedulerLock(name = "ldap-sync", lockAtLeastFor = "PT10S", lockAtMostFor = "PT1H")
    void synchroniseChangesOnSchedule() {
        synchronise(true);
    }

    private void synchronise(boolean changesOnly) {
        if (!sync.configured()) {
            return;
        }
        sync.run(SyncRun.StartedFrom.SCHEDULE, null, false, changesOnly).ifPresent(run -> {
            if (run.outcome().failed()) {
                LOG.error("LDAP synchronisation failed ({}): {}", run.outcome(), run.detail());
            } else {
                LOG.info(
                        "LDAP synchronisation{}: {} entries, {} created, {} updated, {} unchanged, {} departed, {} refused",
                        run.changesOnly() ? " (changes)" : "",
                        run.entries(),
                        run.created(),
                        run.updated(),
                        run.unchanged(),
                        run.departed(),
                        run.refused());
            }
        });
    }
}
