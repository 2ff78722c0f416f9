-- The journal: append-only, hash-chained. Each entry's hash covers the previous entry's hash and the entry's
-- canonical form (see org.guichet.audit.journal.Chain). journal_head holds the last entry appended (appends lock it,
-- so the chain has one order across nodes) and the last entry removed by the retention purge (where verification
-- starts again).
CREATE TABLE journal_entry (
    seq       BIGINT        NOT NULL PRIMARY KEY,
    at        TIMESTAMP WITH TIME ZONE NOT NULL,
    type      VARCHAR(64)   NOT NULL,
    actor     VARCHAR(64),
    subject   VARCHAR(7),
    address   VARCHAR(45),
    channel   VARCHAR(8),
    details   VARCHAR(8000) NOT NULL,
    prev_hash CHAR(64)      NOT NULL,
    hash      CHAR(64)      NOT NULL
);
CREATE INDEX journal_entry_subject ON journal_entry (subject, at);
CREATE INDEX journal_entry_actor ON journal_entry (actor, at);
CREATE INDEX journal_entry_type ON journal_entry (type, at);
CREATE INDEX journal_entry_at ON journal_entry (at);

CREATE TABLE journal_head (
    id                  INT      NOT NULL PRIMARY KEY,
    last_seq            BIGINT   NOT NULL,
    last_hash           CHAR(64) NOT NULL,
    purged_through_seq  BIGINT   NOT NULL,
    purged_through_hash CHAR(64) NOT NULL
);
INSERT INTO journal_head (id, last_seq, last_hash, purged_through_seq, purged_through_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0,
        '0000000000000000000000000000000000000000000000000000000000000000');
