-- Payslips: the batches HR published, and each agent's payslip (one per month); the PDFs are in payslip_document,
-- whose binary type differs between PostgreSQL and H2 (db/vendor).
CREATE TABLE payslip_batch (
    id           UUID         NOT NULL PRIMARY KEY,
    kind         VARCHAR(8)   NOT NULL CHECK (kind IN ('ZIP', 'CSV', 'DEMO')),
    file_name    VARCHAR(255),
    published_by VARCHAR(7),
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    payslips     INTEGER      NOT NULL
);
CREATE INDEX payslip_batch_published ON payslip_batch (published_at);

CREATE TABLE payslip (
    id           UUID          NOT NULL PRIMARY KEY,
    soi          VARCHAR(7)    NOT NULL REFERENCES agent (soi),
    period       CHAR(7)       NOT NULL,
    net_pay      NUMERIC(12, 2),
    batch_id     UUID          NOT NULL REFERENCES payslip_batch (id),
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    size         INTEGER       NOT NULL,
    CONSTRAINT payslip_period_uk UNIQUE (soi, period)
);
