-- Scheduled jobs are locked with ShedLock (its JDBC provider, with the database's time): one row per job, the node
-- that holds it and until when. A job held by one node is skipped by the others; a job that must run once per
-- schedule stays held for most of its period after it ends. This replaces job_claim, whose turns took each node's
-- own clock.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
DROP TABLE job_claim;
