-- Identity: one password hash per agent (the algorithm is the hash's {prefix}).
-- No foreign key to the directory's agent table: modules own their tables.

CREATE TABLE password_credential (
    soi           VARCHAR(7)   NOT NULL PRIMARY KEY,
    password_hash VARCHAR(512) NOT NULL,
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    must_change   BOOLEAN      NOT NULL
);
