package org.guichet.access.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.guichet.platform.DisplayZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final Clock clock;

    DemoRemoteAccess(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        var today = DisplayZone.today(clock);
        var activated = today.minusMonths(3);
        var count = 0;
        for (var soi : ACTIVE) {
            var created = jdbc.sql("""
                            INSERT INTO nomadic_profile (soi, state, reason, approver_soi, requested_at, valid_until,
                                updated_at)
                            VALUES (?, 'ACTIVE', 'Démo : télétravail deux jours par semaine', NULL, ?, ?, ?)
                            ON CONFLICT DO NOTHING""")
                    .params(
                            soi,
                            Timestamp.from(
                                    activated.atStartOfDay(DisplayZone.ZONE).toInstant()),
                            Date.valueOf(activated.plusMonths(12)),
                            Timestamp.from(clock.instant()))
                    .update();
            if (created == 1) {
                jdbc.sql("INSERT INTO nomadic_profile_step (soi, at, step) VALUES (?, ?, 'ACTIVATED')")
                        .params(
                                soi,
                                Timestamp.from(
                                        activated.atStartOfDay(DisplayZone.ZONE).toInstant()))
                        .update();
                count++;
            }
        }
        if (count > 0) {
            LOG.info("Demo remote access activated for {} agents", count);
        }
    }
}
