package org.guichet.directory.ldap;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The synchronisation on its schedule ({@code guichet.directory.ldap.schedule}, a cron; none by default), one node. */
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
        if (!sync.configured()) {
            return;
        }
        try {
            var result = sync.synchronise(false);
            var report = result.report();
            LOG.info(
                    "LDAP synchronisation: {} entries, {} created, {} updated, {} unchanged, {} departed, {} refused",
                    result.entries(),
                    report.created(),
                    report.updated(),
                    report.unchanged(),
                    result.departures().size(),
                    report.rejected().size());
        } catch (Exception e) {
            LOG.error("LDAP synchronisation failed: {}", e.toString());
        }
    }
}
