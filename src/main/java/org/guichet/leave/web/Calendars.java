package org.guichet.leave.web;

import java.util.List;
import java.util.Locale;
import org.guichet.leave.LeaveRequest;
import org.guichet.platform.CalendarFeeds;
import org.springframework.http.ResponseEntity;

/** Approved leave as calendar events. */
final class Calendars {

    private Calendars() {}

    static String leave(List<LeaveRequest> approved, Locale locale) {
        var english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        return CalendarFeeds.write(approved.stream()
                .map(request -> CalendarFeeds.Entry.allDay(
                        "leave-" + request.id(),
                        (english ? "Leave" : "Congé") + halves(request, english),
                        request.start(),
                        request.end()))
                .toList());
    }

    static ResponseEntity<String> response(String calendar, String fileName) {
        return CalendarFeeds.response(calendar, fileName);
    }

    private static String halves(LeaveRequest request, boolean english) {
        if (request.startHalfDay() && request.endHalfDay()) {
            return english
                    ? " (from noon the first day, until noon the last)"
                    : " (dès midi le premier jour, jusqu’à midi le dernier)";
        }
        if (request.startHalfDay()) {
            return english ? " (from noon the first day)" : " (à partir de midi le premier jour)";
        }
        return request.endHalfDay() ? english ? " (until noon the last day)" : " (jusqu’à midi le dernier jour)" : "";
    }
}
