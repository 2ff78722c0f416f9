CREATE TABLE payslip_document (
    payslip_id UUID  NOT NULL PRIMARY KEY REFERENCES payslip (id),
    content    BYTEA NOT NULL
);
