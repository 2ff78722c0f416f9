package org.guichet.schedule.domain;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.platform.CsvTable;
import org.guichet.platform.GuichetException;
import org.guichet.schedule.ScheduleError;
import org.guichet.schedule.ShiftImportReport;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports shifts from CSV ({@code soi;date;start;end;label}, dates {@code YYYY-MM-DD}, times {@code HH:MM}; an end
 * before the start ends the next day), all or nothing: every row is checked first, and one wrong row writes nothing.
 */
@Component
public class ShiftImport {

    private static final List<String> COLUMNS = List.of("soi", "date", "start", "end", "label");

    private final DirectoryManagement directory;
    private final ScheduleRepository schedules;
    private final Clock clock;

    ShiftImport(DirectoryManagement directory, ScheduleRepository schedules, Clock clock) {
        this.directory = directory;
        this.schedules = schedules;
        this.clock = clock;
    }

    @Transactional
    public ShiftImportReport run(InputStream csv) {
        var table = CsvTable.read(csv, COLUMNS, Set.of("soi", "date", "start", "end"));
        if (table.rows().isEmpty()) {
            throw new GuichetException(ScheduleError.EMPTY_FILE);
        }
        var rejected = new ArrayList<ShiftImportReport.Rejection>();
        var shifts = new ArrayList<Row>();
        var seen = new HashSet<String>();
        for (var row : table.rows()) {
            var soi = row.get("soi");
            var problem = check(row, soi, seen);
            if (problem != null) {
                rejected.add(new ShiftImportReport.Rejection(
                        row.line(), soi, problem.get(0), problem.subList(1, problem.size())));
            } else {
                shifts.add(new Row(
                        AgentId.of(soi),
                        new ScheduleRepository.Shift(
                                LocalDate.parse(row.get("date")),
                                time(row.get("start")),
                                time(row.get("end")),
                                row.get("label"))));
            }
        }
        if (!rejected.isEmpty()) {
            return new ShiftImportReport(table.rows().size(), 0, rejected);
        }
        var now = clock.instant();
        shifts.forEach(shift -> schedules.replaceShift(shift.agent(), shift.shift(), now));
        return new ShiftImportReport(table.rows().size(), shifts.size(), List.of());
    }

    private record Row(AgentId agent, ScheduleRepository.Shift shift) {}

    /** The problem code and its values, or {@code null} when the row is right. */
    private @Nullable List<String> check(CsvTable.Row row, @Nullable String soi, Set<String> seen) {
        if (!row.complete()) {
            return List.of("WRONG_COLUMN_COUNT");
        }
        if (soi == null || !AgentId.isSoi(soi)) {
            return List.of("INVALID_SOI", soi == null ? "" : soi);
        }
        if (directory.findById(AgentId.of(soi)).isEmpty()) {
            return List.of("UNKNOWN_AGENT", soi);
        }
        LocalDate day;
        try {
            day = LocalDate.parse(String.valueOf(row.get("date")));
        } catch (DateTimeParseException e) {
            return List.of("INVALID_DATE", String.valueOf(row.get("date")));
        }
        for (var column : List.of("start", "end")) {
            if (time(row.get(column)) == null) {
                return List.of("INVALID_TIME", column, String.valueOf(row.get(column)));
            }
        }
        if (time(row.get("start")).equals(time(row.get("end")))) {
            return List.of("EMPTY_SHIFT");
        }
        var label = row.get("label");
        if (label != null && label.length() > 100) {
            return List.of("TOO_LONG", "label", "100");
        }
        if (!seen.add(soi + "/" + day + "/" + time(row.get("start")))) {
            return List.of("DUPLICATE_IN_FILE", soi, day.toString());
        }
        return null;
    }

    private static @Nullable LocalTime time(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
