package org.guichet.audit.journal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.guichet.audit.JournalQuery;
import org.guichet.platform.AfterCommit;
import org.guichet.platform.DisplayZone;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The journal's tables: entries appended under the head's row lock, read in order, purged from the oldest. */
@Repository
public class JournalStore {

    private static final String COLUMNS = "seq, at, type, actor, subject, address, channel, details, prev_hash, hash";
    private static final RowMapper<StoredEntry> ENTRY = JournalStore::entry;

    private final JdbcClient jdbc;
    private final JournalPartitions partitions;
    /** The types whose journal_type row this node has seen exist. */
    private final Set<String> describedTypes = ConcurrentHashMap.newKeySet();

    JournalStore(JdbcClient jdbc, JournalPartitions partitions) {
        this.jdbc = jdbc;
        this.partitions = partitions;
    }

    /** The chain's ends: the last entry appended, and the last one purged. */
    record Head(long lastSeq, String lastHash, long purgedThroughSeq, String purgedThroughHash) {}

    /** The head, locked until the transaction ends: one append at a time, across nodes. */
    Head lockHead() {
        return head(" FOR UPDATE");
    }

    Head head() {
        return head("");
    }

    private Head head(String lock) {
        return jdbc.sql("SELECT last_seq, last_hash, purged_through_seq, purged_through_hash FROM journal_head"
                        + " WHERE id = 1" + lock)
                .query((rs, row) -> new Head(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
                .single();
    }

    void append(StoredEntry entry) {
        jdbc.sql("INSERT INTO journal_entry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        entry.seq(),
                        Timestamp.from(entry.at()),
                        entry.type(),
                        entry.actor(),
                        entry.subject(),
                        entry.address(),
                        entry.channel(),
                        entry.details(),
                        entry.prevHash(),
                        entry.hash())
                .update();
        jdbc.sql("UPDATE journal_head SET last_seq = ?, last_hash = ? WHERE id = 1")
                .params(entry.seq(), entry.hash())
                .update();
    }

    /**
     * Says what entries of this type are, as the code that writes them declares it: one statement that writes nothing
     * while the declaration is unchanged, and the row's creation only the first time this node meets the type (rows
     * are never removed). Called under the head's lock, so that two appends never describe a type at once.
     */
    void describeType(String type, boolean inMyActivity) {
        var changed = jdbc.sql("UPDATE journal_type SET in_my_activity = ? WHERE type = ? AND in_my_activity <> ?")
                .params(inMyActivity, type, inMyActivity)
                .update();
        if (changed > 0 || describedTypes.contains(type)) {
            return;
        }
        var created = jdbc.sql("INSERT INTO journal_type (type, in_my_activity) SELECT ?, ? FROM journal_head"
                        + " WHERE id = 1 AND NOT EXISTS (SELECT 1 FROM journal_type WHERE type = ?)")
                .params(type, inMyActivity, type)
                .update();
        if (created == 0) {
            describedTypes.add(type);
        } else {
            // known once the row is there for every node: not if this transaction rolls back
            AfterCommit.run(() -> describedTypes.add(type));
        }
    }

    /** The newest entries about this agent that they see in "my activity". */
    List<StoredEntry> activity(String agent, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM journal_entry WHERE subject = ? AND type IN"
                        + " (SELECT type FROM journal_type WHERE in_my_activity) ORDER BY seq DESC FETCH FIRST "
                        + limit + " ROWS ONLY")
                .param(agent)
                .query(ENTRY)
                .list();
    }

    /** Up to {@code size} entries after this place, in order. */
    List<StoredEntry> after(long seq, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM journal_entry WHERE seq > ? ORDER BY seq FETCH FIRST ? ROWS ONLY")
                .params(seq, size)
                .query(ENTRY)
                .list();
    }

    Optional<StoredEntry> find(long seq) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM journal_entry WHERE seq = ?")
                .param(seq)
                .query(ENTRY)
                .optional();
    }

    /** The first entry appended at or after this instant (by the database's clock), if any. */
    Optional<Long> firstSeqStoredFrom(Instant at) {
        return jdbc.sql("SELECT MIN(seq) FROM journal_entry WHERE stored_at >= ?")
                .param(Timestamp.from(at))
                .query(Long.class)
                .optional();
    }

    /** Up to {@code size} entries appended in this period (by the database's clock) after this place, in order. */
    List<StoredEntry> storedBetween(Instant from, Instant to, long afterSeq, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM journal_entry WHERE stored_at >= ? AND stored_at < ? AND seq > ?"
                        + " ORDER BY seq FETCH FIRST ? ROWS ONLY")
                .params(Timestamp.from(from), Timestamp.from(to), afterSeq, size)
                .query(ENTRY)
                .list();
    }

    /**
     * Removes the entries up to this one (included), all appended before the cutoff, and anchors the chain on it: the
     * months wholly before the cutoff dropped (PostgreSQL), what is left deleted row by row (the one removal
     * PostgreSQL's trigger lets through).
     */
    int purgeThrough(StoredEntry last, Instant cutoff) {
        var dropped = partitions.dropBefore(cutoff, last.seq());
        partitions.allowRemoval(true);
        var removed = dropped
                + jdbc.sql("DELETE FROM journal_entry WHERE seq <= ?")
                        .param(last.seq())
                        .update();
        partitions.allowRemoval(false);
        jdbc.sql("UPDATE journal_head SET purged_through_seq = ?, purged_through_hash = ? WHERE id = 1")
                .params(last.seq(), last.hash())
                .update();
        return removed;
    }

    /** The entries a query finds, newest first, before this place when given. */
    List<StoredEntry> search(JournalQuery query, @Nullable Long beforeSeq, int limit) {
        var where = where(query, beforeSeq);
        return jdbc.sql("SELECT " + COLUMNS + " FROM journal_entry" + where.sql() + " ORDER BY seq DESC FETCH FIRST "
                        + limit + " ROWS ONLY")
                .params(where.params())
                .query(ENTRY)
                .list();
    }

    /** Hands each entry a query finds to the consumer, newest first, without holding them all. */
    void forEach(JournalQuery query, int limit, Consumer<StoredEntry> consumer) {
        var where = where(query, null);
        jdbc.sql("SELECT " + COLUMNS + " FROM journal_entry" + where.sql() + " ORDER BY seq DESC FETCH FIRST " + limit
                        + " ROWS ONLY")
                .params(where.params())
                .withFetchSize(500)
                .query(rs -> {
                    consumer.accept(entry(rs, 0));
                });
    }

    private record Where(String sql, List<Object> params) {}

    private static Where where(JournalQuery query, @Nullable Long beforeSeq) {
        var conditions = new ArrayList<String>();
        var params = new ArrayList<Object>();
        if (query.agent() != null) {
            conditions.add("(subject = ? OR actor = ?)");
            params.add(query.agent());
            params.add(query.agent());
        }
        if (query.type() != null) {
            conditions.add("type = ?");
            params.add(query.type());
        }
        if (query.from() != null) {
            conditions.add("at >= ?");
            params.add(
                    Timestamp.from(query.from().atStartOfDay(DisplayZone.ZONE).toInstant()));
        }
        if (query.to() != null) {
            conditions.add("at < ?");
            params.add(Timestamp.from(
                    query.to().plusDays(1).atStartOfDay(DisplayZone.ZONE).toInstant()));
        }
        if (query.address() != null) {
            conditions.add("address = ?");
            params.add(query.address());
        }
        if (beforeSeq != null) {
            conditions.add("seq < ?");
            params.add(beforeSeq);
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
    }

    private static StoredEntry entry(ResultSet rs, int row) throws SQLException {
        return new StoredEntry(
                rs.getLong("seq"),
                rs.getTimestamp("at").toInstant(),
                rs.getString("type"),
                rs.getString("actor"),
                rs.getString("subject"),
                rs.getString("address"),
                rs.getString("channel"),
                rs.getString("details"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }
}
