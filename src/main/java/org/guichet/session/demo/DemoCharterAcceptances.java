package org.guichet.session.demo;

import java.util.List;
import org.guichet.directory.AgentId;
import org.guichet.network.Channel;
import org.guichet.session.charter.CharterService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: every demo account has accepted the charter, except Jules Garcia, whose first sign-in is still
 * to come.
 */
@Component
@Profile("demo")
@Order(300)
class DemoCharterAcceptances implements ApplicationRunner {

    static final List<String> ACCEPTED =
            List.of("1000001", "1000002", "1000003", "1000004", "1000005", "1000006", "1000007", "1000008", "1000010");

    private final CharterService charter;

    DemoCharterAcceptances(CharterService charter) {
        this.charter = charter;
    }

    @Override
    public void run(ApplicationArguments args) {
        var version = charter.currentVersion();
        ACCEPTED.forEach(soi -> charter.accept(AgentId.of(soi), version, Channel.INTERNAL));
    }
}
