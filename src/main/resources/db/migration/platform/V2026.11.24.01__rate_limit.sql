-- Rate limits (codes sent per agent or identifier…) in fixed windows: one row per key, changed only by single
-- atomic statements, so that concurrent requests on any node all count.
CREATE TABLE rate_limit (
    limit_key    VARCHAR(120) NOT NULL PRIMARY KEY,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    hits         INT          NOT NULL
);
CREATE INDEX rate_limit_window_idx ON rate_limit (window_start);
