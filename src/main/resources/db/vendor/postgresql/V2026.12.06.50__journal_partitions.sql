-- The journal at city scale: one partition a month (in the administration's zone, Europe/Paris), so that the
-- retention purge drops whole months instead of deleting rows one by one, and a month can be verified alone.
--
-- The partition key is stored_at, the database's clock when the entry was appended. Appends are one at a time under
-- journal_head's row lock and read the clock after taking it, so stored_at grows with seq: a month holds one run of
-- the chain, and dropping the oldest months removes exactly the oldest entries. (The entry's own time, "at", is not
-- enough: an event completed late by the publication registry carries the time it happened, minutes before it is
-- appended.) stored_at is not covered by the hash: moving an entry to another month changes no entry, and the
-- verification still finds any entry changed, missing or out of place.
--
-- The months are created ahead by org.guichet.audit.journal.JournalPartitions (every night, and at start); an entry
-- whose month is not there yet goes to the default partition, which the next creation of that month empties.
ALTER TABLE journal_entry RENAME TO journal_entry_before_partitions;
ALTER INDEX journal_entry_subject RENAME TO journal_entry_before_partitions_subject;
ALTER INDEX journal_entry_actor RENAME TO journal_entry_before_partitions_actor;
ALTER INDEX journal_entry_type RENAME TO journal_entry_before_partitions_type;
ALTER INDEX journal_entry_at RENAME TO journal_entry_before_partitions_at;
ALTER TABLE journal_entry_before_partitions RENAME CONSTRAINT journal_entry_pkey TO journal_entry_before_partitions_pkey;

CREATE TABLE journal_entry (
    seq       BIGINT        NOT NULL,
    at        TIMESTAMP WITH TIME ZONE NOT NULL,
    type      VARCHAR(64)   NOT NULL,
    actor     VARCHAR(64),
    subject   VARCHAR(7),
    address   VARCHAR(45),
    channel   VARCHAR(8),
    details   VARCHAR(8000) NOT NULL,
    prev_hash CHAR(64)      NOT NULL,
    hash      CHAR(64)      NOT NULL,
    stored_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (seq, stored_at)
) PARTITION BY RANGE (stored_at);

CREATE TABLE journal_entry_default PARTITION OF journal_entry DEFAULT;

DO $$
DECLARE
    first_month DATE := date_trunc('month',
        COALESCE((SELECT min(at) FROM journal_entry_before_partitions), now()) AT TIME ZONE 'Europe/Paris')::date;
    month DATE := first_month;
    last_month DATE := (date_trunc('month', now() AT TIME ZONE 'Europe/Paris') + interval '2 months')::date;
BEGIN
    WHILE month <= last_month LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF journal_entry FOR VALUES FROM (%L) TO (%L)',
            'journal_entry_' || to_char(month, 'YYYY_MM'),
            month::timestamp AT TIME ZONE 'Europe/Paris',
            (month + interval '1 month')::timestamp AT TIME ZONE 'Europe/Paris');
        month := (month + interval '1 month')::date;
    END LOOP;
END
$$;

-- Entries written before: stored at the latest time of the chain up to them, so that stored_at grows with seq.
INSERT INTO journal_entry (seq, at, type, actor, subject, address, channel, details, prev_hash, hash, stored_at)
SELECT seq, at, type, actor, subject, address, channel, details, prev_hash, hash, max(at) OVER (ORDER BY seq)
FROM journal_entry_before_partitions;

DROP TABLE journal_entry_before_partitions;

CREATE INDEX journal_entry_subject ON journal_entry (subject, at);
CREATE INDEX journal_entry_actor ON journal_entry (actor, at);
CREATE INDEX journal_entry_type ON journal_entry (type, at);
CREATE INDEX journal_entry_at ON journal_entry (at);

-- Still append-only (see V2026.11.30.11): the row trigger is cloned on every partition, present and future.
CREATE TRIGGER journal_append_only BEFORE UPDATE OR DELETE ON journal_entry
    FOR EACH ROW EXECUTE FUNCTION journal_refuse_change();
CREATE TRIGGER journal_no_truncate BEFORE TRUNCATE ON journal_entry
    FOR EACH STATEMENT EXECUTE FUNCTION journal_refuse_change();
