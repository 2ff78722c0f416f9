package org.guichet.platform;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.DateEnd;
import biweekly.property.DateStart;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** iCalendar (RFC 5545) files of leave and schedules, written by biweekly, for any calendar application. */
public final class CalendarFeeds {

    private CalendarFeeds() {}

    /**
     * One event: whole days from {@code firstDay} to {@code lastDay} (included), or a time range.
     *
     * @param uid stable across downloads, so that importing again updates rather than duplicates
     */
    public record Entry(String uid, String summary, Object start, Object end) {

        public static Entry allDay(String uid, String summary, LocalDate firstDay, LocalDate lastDay) {
            return new Entry(uid, summary, firstDay, lastDay.plusDays(1));
        }

        public static Entry timed(String uid, String summary, Instant start, Instant end) {
            return new Entry(uid, summary, start, end);
        }
    }

    public static String write(List<Entry> entries) {
        var calendar = new ICalendar();
        calendar.setProductId("-//Guichet//Guichet//FR");
        for (var entry : entries) {
            var event = new VEvent();
            event.setUid(entry.uid() + "@guichet");
            event.setSummary(entry.summary());
            if (entry.start() instanceof LocalDate first && entry.end() instanceof LocalDate after) {
                event.setDateStart(new DateStart(day(first), false));
                event.setDateEnd(new DateEnd(day(after), false));
            } else {
                event.setDateStart(new DateStart(Date.from((Instant) entry.start()), true));
                event.setDateEnd(new DateEnd(Date.from((Instant) entry.end()), true));
            }
            calendar.addEvent(event);
        }
        return Biweekly.write(calendar).go();
    }

    /** The file as a download ({@code text/calendar}), never cached. */
    public static ResponseEntity<String> response(String calendar, String fileName) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName)
                                .build()
                                .toString())
                .cacheControl(CacheControl.noStore())
                .body(calendar);
    }

    /** biweekly writes whole days in the JVM's zone: the day starts there. */
    private static Date day(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
