-- A reset of an agent's second factors asked by the helpdesk, waiting for the agent to enrol a new one: the old ones
-- are removed then (when the agent declared them lost, they are removed at once and nothing waits here).
CREATE TABLE factor_reset_pending (
    soi          VARCHAR(7) NOT NULL PRIMARY KEY REFERENCES agent (soi),
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_by VARCHAR(7) NOT NULL
);
