package org.guichet.access.demo;

import java.time.Clock;
import java.util.List;
import org.guichet.access.nomadic.NomadicProfileRepository;
import org.guichet.directory.AgentId;
import org.guichet.platform.DisplayZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo profile only: Camille Martin and Léa Simon have had remote access for a few months (active for a year from
 * their activation); Théo Moreau has none, so that the whole workflow can be tried: he asks, Lucas Bernard approves,
 * Hugo Robert activates. Done once: a profile that exists is left as it is.
 */
@Component
@Profile("demo")
@Order(300)
class DemoRemoteAccess implements ApplicationRunner {

    static final List<String> ACTIVE = List.of("1000001", "1000008");

    private static final Logger LOG = LoggerFactory.getLogger(DemoRemoteAccess.class);

    private final NomadicProfileRepository profiles;
    private final Clock clock;

    DemoRemoteAccess(NomadicProfileRepository profiles, Clock clock) {
        this.profiles = profiles;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        var activated = DisplayZone.today(clock).minusMonths(3);
        var count = 0;
        for (var soi : ACTIVE) {
            if (profiles.insertActive(
                    AgentId.of(soi),
                    "Démo : télétravail deux jours par semaine",
                    activated.atStartOfDay(DisplayZone.ZONE).toInstant(),
                    activated.plusMonths(12),
                    clock.instant())) {
                count++;
            }
        }
        if (count > 0) {
            LOG.info("Demo remote access activated for {} agents", count);
        }
    }
}
