package org.guichet.schedule;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a shift import did: every row, or none when one is wrong.
 *
 * @param imported shifts written (0 when a row was rejected)
 */
public record ShiftImportReport(int rows, int imported, List<Rejection> rejected) {

    public ShiftImportReport {
        rejected = List.copyOf(rejected);
    }

    /** A wrong row: its line (the header is line 1), the SOI as written, the problem and its values. */
    public record Rejection(long line, @Nullable String soi, String problem, List<String> arguments) {

        public Rejection {
            arguments = List.copyOf(arguments);
        }

        public String messageKey() {
            return "schedule.problem." + problem;
        }
    }
}
