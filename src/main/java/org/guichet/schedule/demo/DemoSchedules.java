package org.guichet.schedule.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.platform.DisplayZone;
import org.guichet.schedule.WeeklySlot;
import org.guichet.schedule.domain.ScheduleRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo profile only: camille.martin works 7:30–12:00 and 13:00–16:06 Monday to Friday (38 hours); theo.moreau works
 * in rotation, a week of mornings then a week of afternoons, from last week to eight weeks ahead. Written once.
 */
@Component
@Profile("demo")
@Order(220)
class DemoSchedules implements ApplicationRunner {

    private static final AgentId CAMILLE = AgentId.of("1000001");
    private static final AgentId THEO = AgentId.of("1000007");

    private final ScheduleRepository schedules;
    private final DirectoryManagement directory;
    private final Clock clock;

    DemoSchedules(ScheduleRepository schedules, DirectoryManagement directory, Clock clock) {
        this.schedules = schedules;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (directory.findById(CAMILLE).isEmpty() || schedules.hasPatternOrShifts(CAMILLE)) {
            return;
        }
        var pattern = new ArrayList<WeeklySlot>();
        for (var day : DayOfWeek.values()) {
            if (day.getValue() <= 5) {
                pattern.add(new WeeklySlot(day, LocalTime.of(7, 30), LocalTime.of(12, 0)));
                pattern.add(new WeeklySlot(day, LocalTime.of(13, 0), LocalTime.of(16, 6)));
            }
        }
        schedules.replacePattern(CAMILLE, pattern);
        var monday = DisplayZone.today(clock)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(1);
        var now = clock.instant();
        for (int week = 0; week < 10; week++) {
            var mornings = week % 2 == 0;
            for (int day = 0; day < 5; day++) {
                schedules.replaceShift(
                        THEO,
                        new ScheduleRepository.Shift(
                                monday.plusWeeks(week).plusDays(day),
                                mornings ? LocalTime.of(6, 0) : LocalTime.of(13, 0),
                                mornings ? LocalTime.of(13, 0) : LocalTime.of(20, 0),
                                mornings ? "Équipe du matin" : "Équipe de l’après-midi"),
                        now);
            }
        }
    }
}
