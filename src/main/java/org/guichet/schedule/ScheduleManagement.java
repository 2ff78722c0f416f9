package org.guichet.schedule;

import java.io.InputStream;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.leave.LeaveManagement;
import org.guichet.platform.GuichetException;
import org.guichet.platform.PublicHolidays;
import org.guichet.schedule.domain.ScheduleRepository;
import org.guichet.schedule.domain.ShiftImport;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agent's working hours day by day: imported shifts where there are some, else the weekly pattern (else the default
 * hours), no hours on public holidays without a shift, and approved leave marked.
 */
@Service
public class ScheduleManagement {

    private final ScheduleRepository schedules;
    private final ShiftImport shiftImport;
    private final LeaveManagement leave;
    private final DirectoryManagement directory;
    private final ApplicationEventPublisher events;
    private final ScheduleSettings settings;
    private final Clock clock;

    ScheduleManagement(
            ScheduleRepository schedules,
            ShiftImport shiftImport,
            LeaveManagement leave,
            DirectoryManagement directory,
            ApplicationEventPublisher events,
            ScheduleSettings settings,
            Clock clock) {
        this.schedules = schedules;
        this.shiftImport = shiftImport;
        this.leave = leave;
        this.directory = directory;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** The days from {@code from} to {@code to} (included), at most the configured longest range. */
    @Transactional(readOnly = true)
    public List<ScheduleDay> days(AgentId agent, LocalDate from, LocalDate to) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= settings.longestRange()) {
            throw new GuichetException(ScheduleError.RANGE_INVALID, settings.longestRange());
        }
        var pattern = schedules.pattern(agent);
        var shifts = new HashMap<LocalDate, List<Slot>>();
        for (var shift : schedules.shifts(agent, from, to)) {
            shifts.computeIfAbsent(shift.day(), day -> new ArrayList<>())
                    .add(new Slot(shift.start(), shift.end(), shift.label(), Slot.Source.SHIFT));
        }
        var useDefault = pattern.isEmpty() && !schedules.hasPatternOrShifts(agent);
        var absences = leave.approved(List.of(agent), from, to);
        var alsaceMoselle = leave.settings().alsaceMoselle();
        var days = new ArrayList<ScheduleDay>();
        for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
            var holiday = PublicHolidays.of(day.getYear(), alsaceMoselle).get(day);
            var current = day;
            var onLeave = absences.stream().anyMatch(a -> a.covers(current, false) || a.covers(current, true));
            List<Slot> slots;
            if (shifts.containsKey(day)) {
                slots = shifts.get(day);
            } else if (holiday != null) {
                slots = List.of();
            } else if (useDefault) {
                slots = isWeekday(day)
                        ? settings.defaultHours().stream()
                                .map(range -> new Slot(range.start(), range.end(), null, Slot.Source.DEFAULT))
                                .toList()
                        : List.of();
            } else {
                slots = pattern.stream()
                        .filter(slot -> slot.weekday() == current.getDayOfWeek())
                        .map(ScheduleRepository::slot)
                        .toList();
            }
            days.add(new ScheduleDay(
                    day,
                    slots.stream().sorted(Comparator.comparing(Slot::start)).toList(),
                    holiday,
                    onLeave));
        }
        return days;
    }

    /** Replaces an agent's weekly pattern (HR): slots of a day must not overlap. */
    @Transactional
    public void changePattern(AgentId agent, List<WeeklySlot> slots) {
        if (directory.findById(agent).isEmpty()) {
            throw new GuichetException(ScheduleError.AGENT_NOT_FOUND);
        }
        var sorted = slots.stream()
                .sorted(Comparator.comparing(WeeklySlot::weekday).thenComparing(WeeklySlot::start))
                .toList();
        for (int i = 0; i < sorted.size(); i++) {
            var slot = sorted.get(i);
            if (!slot.end().isAfter(slot.start())
                    || (i > 0
                            && sorted.get(i - 1).weekday() == slot.weekday()
                            && sorted.get(i - 1).end().isAfter(slot.start()))) {
                throw new GuichetException(ScheduleError.PATTERN_INVALID);
            }
        }
        schedules.replacePattern(agent, sorted);
    }

    /** The agent's regular weekly pattern, by weekday and start. */
    @Transactional(readOnly = true)
    public List<WeeklySlot> pattern(AgentId agent) {
        return schedules.pattern(agent);
    }

    /** Imports shifts from CSV, all or nothing (see the README for the format). */
    @Transactional
    public ShiftImportReport importShifts(String fileName, InputStream csv, AgentId by) {
        var report = shiftImport.run(csv);
        if (report.imported() > 0) {
            events.publishEvent(new ShiftsImported(fileName, report.imported(), by, clock.instant()));
        }
        return report;
    }

    public ScheduleSettings settings() {
        return settings;
    }

    private static boolean isWeekday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
