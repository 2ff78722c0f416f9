package org.guichet.directory;

import java.time.Duration;
import java.util.List;

/**
 * What an import did.
 *
 * @param rows data rows read (the header excluded)
 * @param created rows that added an agent or department
 * @param updated rows that changed one
 * @param unchanged rows identical to what was stored
 * @param rejected rows refused, each with its line and reason; none of them wrote anything
 */
public record ImportReport(
        Kind kind, int rows, int created, int updated, int unchanged, List<Rejection> rejected, Duration elapsed) {

    public ImportReport {
        rejected = List.copyOf(rejected);
    }

    public enum Kind {
        DEPARTMENTS,
        AGENTS
    }

    /**
     * A refused row.
     *
     * @param line the line in the file (the header is line 1)
     * @param key the row's SOI or department code as written, when there is one
     * @param arguments values for the problem's sentence
     */
    public record Rejection(long line, String key, ImportProblem problem, List<String> arguments) {

        public Rejection {
            arguments = List.copyOf(arguments);
        }
    }
}
