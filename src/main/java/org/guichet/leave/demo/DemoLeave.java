package org.guichet.leave.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.leave.LeaveProfile;
import org.guichet.leave.LeaveRequest;
import org.guichet.leave.LeaveRequestId;
import org.guichet.leave.LeaveSettings;
import org.guichet.leave.LeaveState;
import org.guichet.leave.LeaveType;
import org.guichet.leave.domain.BalanceRepository;
import org.guichet.leave.domain.LeaveRepository;
import org.guichet.leave.domain.Rights;
import org.guichet.leave.domain.WorkingDays;
import org.guichet.platform.DisplayZone;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo profile only: camille.martin works 38 hours a week (18 RTT days) and took two weeks in August, approved by
 * lucas.bernard; lea.simon works 80 % with Wednesdays off; jules.garcia arrived on 1 September. Written once. Every
 * other demo agent has the default profile and this year's balances from the start, so that reading a page writes
 * nothing.
 */
@Component
@Profile("demo")
@Order(210)
class DemoLeave implements ApplicationRunner {

    private static final AgentId CAMILLE = AgentId.of("1000001");
    private static final AgentId LUCAS = AgentId.of("1000002");
    private static final java.util.List<String> DEMO_AGENTS = java.util.stream.IntStream.rangeClosed(1, 10)
            .mapToObj(n -> "%07d".formatted(1_000_000 + n))
            .toList();

    private final LeaveRepository leave;
    private final BalanceRepository balances;
    private final DirectoryManagement directory;
    private final LeaveSettings settings;
    private final Clock clock;

    DemoLeave(
            LeaveRepository leave,
            BalanceRepository balances,
            DirectoryManagement directory,
            LeaveSettings settings,
            Clock clock) {
        this.balances = balances;
        this.leave = leave;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (directory.findById(CAMILLE).isEmpty()) {
            return;
        }
        if (balances.profile(CAMILLE).isEmpty()) {
            story();
        }
        var year = DisplayZone.today(clock).getYear();
        var standard = new LeaveProfile(100, settings.defaultWeeklyHours(), Set.of(), null);
        for (var soi : DEMO_AGENTS) {
            var agent = AgentId.of(soi);
            profile(agent, balances.profile(agent).orElse(standard), year);
        }
    }

    private void story() {
        var now = clock.instant();
        var year = DisplayZone.today(clock).getYear();
        var camille = new LeaveProfile(100, new BigDecimal("38"), Set.of(), null);
        profile(CAMILLE, camille, year);
        profile(
                AgentId.of("1000008"),
                new LeaveProfile(80, new BigDecimal("35"), Set.of(DayOfWeek.WEDNESDAY), null),
                year);
        profile(
                AgentId.of("1000009"),
                new LeaveProfile(100, new BigDecimal("35"), Set.of(), LocalDate.of(year, 9, 1)),
                year);

        var start = LocalDate.of(year, 8, 3);
        var end = LocalDate.of(year, 8, 14);
        if (end.isBefore(DisplayZone.today(clock))) {
            var count = WorkingDays.count(start, end, false, false, Set.of(), settings.alsaceMoselle());
            leave.insert(
                    new LeaveRequest(
                            LeaveRequestId.random(),
                            CAMILLE,
                            LeaveType.ANNUAL,
                            start,
                            end,
                            false,
                            false,
                            count.days(),
                            "Vacances d’été",
                            LeaveState.APPROVED,
                            now,
                            LUCAS,
                            now,
                            "Bonnes vacances"),
                    year,
                    count.outsideSummer(),
                    LUCAS);
            balances.adjust(CAMILLE, year, LeaveType.ANNUAL, BigDecimal.ZERO, count.days());
        }
    }

    private void profile(AgentId agent, LeaveProfile profile, int year) {
        if (directory.findById(agent).isEmpty()) {
            return;
        }
        balances.ensureProfile(agent, profile, clock.instant());
        balances.ensureBalances(agent, year, Rights.ofYear(year, profile, settings));
    }
}
