-- When each entry was appended, by the database's clock (on PostgreSQL, the key of the journal's monthly partitions:
-- see db/vendor/postgresql/V2026.12.06.50__journal_partitions.sql). H2 keeps one table; months are verified alike.
ALTER TABLE journal_entry ADD COLUMN stored_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL;
UPDATE journal_entry SET stored_at = at;
