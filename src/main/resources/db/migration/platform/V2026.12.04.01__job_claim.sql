-- Scheduled work that one node at a time must do, whatever the number of nodes: a node takes a job's turn by moving
-- held_until forward in one conditional update; the others find it held and skip that turn.
CREATE TABLE job_claim (
    name       VARCHAR(64) NOT NULL PRIMARY KEY,
    held_until TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO job_claim (name, held_until) VALUES ('event-resubmission', TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00');
