package org.guichet.schedule.web;

import java.security.Principal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Locale;
import org.guichet.directory.AgentId;
import org.guichet.platform.CalendarFeeds;
import org.guichet.platform.DisplayZone;
import org.guichet.schedule.ScheduleManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Schedule": my week (default) or my month, and my next weeks as an iCalendar file. */
@Controller
class ScheduleController {

    private final ScheduleManagement schedules;
    private final Clock clock;

    ScheduleController(ScheduleManagement schedules, Clock clock) {
        this.schedules = schedules;
        this.clock = clock;
    }

    @GetMapping("/schedule")
    String showWeek(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
            Principal principal,
            Model model) {
        var monday = (date == null ? DisplayZone.today(clock) : date)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        model.addAttribute("view", "week");
        model.addAttribute("first", monday);
        model.addAttribute("previous", monday.minusWeeks(1));
        model.addAttribute("next", monday.plusWeeks(1));
        model.addAttribute("today", DisplayZone.today(clock));
        model.addAttribute("days", schedules.days(AgentId.of(principal.getName()), monday, monday.plusDays(6)));
        return "schedule/schedule";
    }

    @GetMapping("/schedule/month")
    String showMonth(@RequestParam(required = false) @Nullable YearMonth month, Principal principal, Model model) {
        var shown = month == null ? YearMonth.from(DisplayZone.today(clock)) : month;
        model.addAttribute("view", "month");
        model.addAttribute("month", shown);
        model.addAttribute("previous", shown.minusMonths(1));
        model.addAttribute("next", shown.plusMonths(1));
        model.addAttribute("today", DisplayZone.today(clock));
        model.addAttribute(
                "days", schedules.days(AgentId.of(principal.getName()), shown.atDay(1), shown.atEndOfMonth()));
        return "schedule/schedule";
    }

    /** The last two weeks and the next six as timed events. */
    @GetMapping("/schedule/calendar.ics")
    ResponseEntity<String> showCalendar(Principal principal, Locale locale) {
        var today = DisplayZone.today(clock);
        var entries = new ArrayList<CalendarFeeds.Entry>();
        var english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        for (var day : schedules.days(AgentId.of(principal.getName()), today.minusWeeks(2), today.plusWeeks(6))) {
            if (day.onLeave()) {
                continue;
            }
            for (var slot : day.slots()) {
                Instant start =
                        day.date().atTime(slot.start()).atZone(DisplayZone.ZONE).toInstant();
                var endDay = slot.overnight() ? day.date().plusDays(1) : day.date();
                Instant end = endDay.atTime(slot.end()).atZone(DisplayZone.ZONE).toInstant();
                var summary = slot.label() != null ? slot.label() : english ? "Work" : "Travail";
                entries.add(
                        CalendarFeeds.Entry.timed("schedule-" + day.date() + "-" + slot.start(), summary, start, end));
            }
        }
        return CalendarFeeds.response(CalendarFeeds.write(entries), "planning.ics");
    }
}
