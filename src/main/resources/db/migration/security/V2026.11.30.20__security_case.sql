-- "This wasn't me" reports, followed up by the security officers.
CREATE TABLE security_case (
    id         UUID          NOT NULL PRIMARY KEY,
    soi        VARCHAR(7)    NOT NULL REFERENCES agent (soi),
    opened_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    address    VARCHAR(45)   NOT NULL,
    channel    VARCHAR(8)    NOT NULL,
    comment    VARCHAR(1000),
    sessions   INT           NOT NULL,
    closed_at  TIMESTAMP WITH TIME ZONE,
    closed_by  VARCHAR(7),
    outcome    VARCHAR(1000)
);
CREATE INDEX security_case_open ON security_case (closed_at, opened_at);
