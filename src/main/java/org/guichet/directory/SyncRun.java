package org.guichet.directory;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One synchronisation with the administration's LDAP directory, as the administration page shows it.
 *
 * @param finishedAt when it ended; none while it runs (or when its node stopped during the run)
 * @param startedBy the administrator who started it from the administration page
 * @param changesOnly whether it read only the entries changed since the last run (no departures: full runs see them)
 * @param entries the directory's entries read
 * @param refused entries refused (each row the import refused, and each entry without a staff number)
 * @param refusals the first refusals, each with its reason
 * @param detail why it failed, when it did (the directory's own words)
 */
public record SyncRun(
        Instant startedAt,
        @Nullable Instant finishedAt,
        StartedFrom startedFrom,
        @Nullable AgentId startedBy,
        boolean dryRun,
        boolean changesOnly,
        Outcome outcome,
        int entries,
        int created,
        int updated,
        int unchanged,
        int departed,
        int refused,
        List<Refusal> refusals,
        @Nullable String detail) {

    public SyncRun {
        refusals = List.copyOf(refusals);
    }

    public enum StartedFrom {
        SCHEDULE,
        COMMAND,
        ADMIN
    }

    public enum Outcome {
        /** Still running. */
        RUNNING,
        /** Never ended: its node stopped while it ran. */
        INTERRUPTED,
        /** Every entry taken. */
        DONE,
        /** Done, with entries refused (the others written). */
        REFUSED_ENTRIES,
        /** Nothing written: more departures than allowed. */
        TOO_MANY_DEPARTURES,
        /** Nothing written: the directory could not be read. */
        UNREACHABLE,
        /** Nothing written: an unexpected failure. */
        FAILED;

        public boolean failed() {
            return this == INTERRUPTED || this == TOO_MANY_DEPARTURES || this == UNREACHABLE || this == FAILED;
        }
    }

    /**
     * An entry refused.
     *
     * @param entry the staff number, or the entry's DN when it has none
     * @param messageKey the reason's sentence
     * @param arguments the sentence's values
     */
    public record Refusal(String entry, String messageKey, List<String> arguments) {

        public Refusal {
            arguments = List.copyOf(arguments);
        }
    }

    /** What asking for a run from the administration page did. */
    public enum Start {
        STARTED,
        ALREADY_RUNNING,
        NOT_CONFIGURED
    }
}
