package org.guichet.schedule.web;

import java.security.Principal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.guichet.directory.AgentId;
import org.guichet.platform.DisplayZone;
import org.guichet.schedule.ScheduleDay;
import org.guichet.schedule.ScheduleManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The schedule API of the mobile app: my working hours day by day. */
@RestController
class ScheduleApiController {

    private final ScheduleManagement schedules;
    private final Clock clock;

    ScheduleApiController(ScheduleManagement schedules, Clock clock) {
        this.schedules = schedules;
        this.clock = clock;
    }

    /**
     * @param from the first day, {@code YYYY-MM-DD} (default: this week's Monday)
     * @param to the last day, included (default: six days after {@code from}); at most 62 days in all
     */
    record Schedule(LocalDate from, LocalDate to, List<ScheduleDay> days) {}

    @GetMapping("/api/v1/schedule")
    Schedule show(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            Principal principal) {
        var first =
                from != null ? from : DisplayZone.today(clock).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        var last = to != null ? to : first.plusDays(6);
        return new Schedule(first, last, schedules.days(AgentId.of(principal.getName()), first, last));
    }
}
