package org.guichet.directory.ldap;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.guichet.directory.AgentId;
import org.guichet.directory.ImportProblem;
import org.guichet.directory.SyncRun;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The synchronisations' record ({@code ldap_sync_run}, {@code ldap_sync_refusal}): the last {@value #KEPT} runs, each
 * with its first {@value #REFUSALS_KEPT} refusals.
 */
@Repository
class LdapRunRepository {

    static final int KEPT = 20;
    static final int REFUSALS_KEPT = 500;

    /** The problem recorded for an entry that has no staff number (the others are the import's). */
    static final String WITHOUT_SOI = "WITHOUT_SOI";

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    LdapRunRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A refused entry as recorded: its problem's name ({@link ImportProblem} or {@link #WITHOUT_SOI}). */
    record Refused(String entry, String problem, List<String> arguments) {}

    /** The counts of a run that ended. */
    record Counts(int entries, int created, int updated, int unchanged, int departed, int refused) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);
    }

    long started(Instant at, SyncRun.StartedFrom from, @Nullable AgentId by, boolean dryRun, boolean changesOnly) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO ldap_sync_run (started_at, started_from, started_by, dry_run, changes_only)
                VALUES (?, ?, ?, ?, ?)""")
                .params(Timestamp.from(at), from.name(), by == null ? null : by.soi(), dryRun, changesOnly)
                .update(key, "id");
        jdbc.sql("DELETE FROM ldap_sync_run WHERE id <= ?")
                .param(Objects.requireNonNull(key.getKey()).longValue() - KEPT)
                .update();
        return Objects.requireNonNull(key.getKey()).longValue();
    }

    void finished(
            long id,
            Instant at,
            SyncRun.Outcome outcome,
            Counts counts,
            List<Refused> refusals,
            @Nullable String detail,
            @Nullable String watermark) {
        jdbc.sql("""
                UPDATE ldap_sync_run SET finished_at = ?, outcome = ?, entries = ?, created = ?, updated = ?,
                       unchanged = ?, departed = ?, refused = ?, detail = ?, watermark = ?
                 WHERE id = ?""")
                .params(
                        Timestamp.from(at),
                        outcome.name(),
                        counts.entries(),
                        counts.created(),
                        counts.updated(),
                        counts.unchanged(),
                        counts.departed(),
                        counts.refused(),
                        detail == null ? null : truncated(detail, 1000),
                        watermark,
                        id)
                .update();
        var ordinal = 0;
        for (var refused : refusals.subList(0, Math.min(refusals.size(), REFUSALS_KEPT))) {
            jdbc.sql(
                            "INSERT INTO ldap_sync_refusal (run_id, ordinal, entry, problem, arguments) VALUES (?, ?, ?, ?, ?)")
                    .params(
                            id,
                            ordinal++,
                            truncated(refused.entry(), 1000),
                            refused.problem(),
                            truncated(json.writeValueAsString(refused.arguments()), 4000))
                    .update();
        }
    }

    /** Where the next run of changes starts: the latest change time a run that wrote read. */
    java.util.Optional<String> watermark() {
        return jdbc.sql("SELECT watermark FROM ldap_sync_run WHERE watermark IS NOT NULL ORDER BY id DESC LIMIT 1")
                .query(String.class)
                .optional();
    }

    /** Whether a run started less than {@code longest} ago has not ended (on any node). */
    boolean running(Instant now, Duration longest) {
        return jdbc.sql("SELECT COUNT(*) FROM ldap_sync_run WHERE finished_at IS NULL AND started_at > ?")
                        .param(Timestamp.from(now.minus(longest)))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * The last runs, newest first, the newest with its refusals; a run not ended after {@code longest} counts as
     * interrupted.
     */
    List<SyncRun> last(int count, Instant now, Duration longest) {
        var runs = jdbc.sql("SELECT * FROM ldap_sync_run ORDER BY id DESC LIMIT ?")
                .param(count)
                .query((rs, row) -> run(rs, row == 0, now.minus(longest)))
                .list();
        return runs;
    }

    private SyncRun run(ResultSet rs, boolean withRefusals, Instant interruptedBefore) throws SQLException {
        var startedAt = rs.getTimestamp("started_at").toInstant();
        var finished = rs.getTimestamp("finished_at");
        var outcomeName = rs.getString("outcome");
        SyncRun.Outcome outcome;
        if (outcomeName != null) {
            outcome = SyncRun.Outcome.valueOf(outcomeName);
        } else {
            outcome = startedAt.isBefore(interruptedBefore) ? SyncRun.Outcome.INTERRUPTED : SyncRun.Outcome.RUNNING;
        }
        var by = rs.getString("started_by");
        return new SyncRun(
                startedAt,
                finished == null ? null : finished.toInstant(),
                SyncRun.StartedFrom.valueOf(rs.getString("started_from")),
                by == null ? null : AgentId.of(by),
                rs.getBoolean("dry_run"),
                rs.getBoolean("changes_only"),
                outcome,
                rs.getInt("entries"),
                rs.getInt("created"),
                rs.getInt("updated"),
                rs.getInt("unchanged"),
                rs.getInt("departed"),
                rs.getInt("refused"),
                withRefusals ? refusals(rs.getLong("id")) : List.of(),
                rs.getString("detail"));
    }

    private List<SyncRun.Refusal> refusals(long run) {
        return jdbc.sql("SELECT entry, problem, arguments FROM ldap_sync_refusal WHERE run_id = ? ORDER BY ordinal")
                .param(run)
                .query((rs, row) -> new SyncRun.Refusal(
                        rs.getString("entry"),
                        messageKey(rs.getString("problem")),
                        json.readValue(rs.getString("arguments"), STRINGS)))
                .list();
    }

    private static String messageKey(String problem) {
        return WITHOUT_SOI.equals(problem)
                ? "directory.ldap.problem.without-soi"
                : ImportProblem.valueOf(problem).messageKey();
    }

    private static String truncated(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
