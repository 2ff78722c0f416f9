-- Leave: what each agent's rights are computed from, balances per agent, year and type (year 0: the time-savings
-- account), requests, and deposits to the time-savings account.
CREATE TABLE leave_profile (
    soi           VARCHAR(7)   NOT NULL PRIMARY KEY REFERENCES agent (soi),
    working_time  INTEGER      NOT NULL CHECK (working_time BETWEEN 10 AND 100),
    weekly_hours  NUMERIC(4, 2) NOT NULL,
    days_off      VARCHAR(80)  NOT NULL,
    arrival       DATE,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE leave_balance (
    soi     VARCHAR(7)   NOT NULL REFERENCES agent (soi),
    leave_year INTEGER   NOT NULL,
    type    VARCHAR(12)  NOT NULL,
    base    NUMERIC(5, 1) NOT NULL,
    bonus   NUMERIC(5, 1) NOT NULL DEFAULT 0,
    taken   NUMERIC(5, 1) NOT NULL DEFAULT 0,
    pending NUMERIC(5, 1) NOT NULL DEFAULT 0,
    PRIMARY KEY (soi, leave_year, type),
    -- requests reserve days with one conditional update (remaining >= days): never read-modify-write
    CONSTRAINT leave_balance_counts CHECK (taken >= 0 AND pending >= 0)
);

CREATE TABLE leave_request (
    id               UUID         NOT NULL PRIMARY KEY,
    soi              VARCHAR(7)   NOT NULL REFERENCES agent (soi),
    type             VARCHAR(12)  NOT NULL
        CHECK (type IN ('ANNUAL', 'RTT', 'CET', 'TRAINING', 'EXCEPTIONAL', 'SICK')),
    start_date       DATE         NOT NULL,
    end_date         DATE         NOT NULL,
    start_half       BOOLEAN      NOT NULL,
    end_half         BOOLEAN      NOT NULL,
    days             NUMERIC(5, 1) NOT NULL,
    outside_summer   NUMERIC(5, 1) NOT NULL,
    leave_year       INTEGER      NOT NULL,
    comment          VARCHAR(500),
    state            VARCHAR(12)  NOT NULL CHECK (state IN ('PENDING', 'APPROVED', 'REJECTED', 'CANCELLED')),
    approver_soi     VARCHAR(7),
    requested_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by       VARCHAR(7),
    decided_at       TIMESTAMP WITH TIME ZONE,
    decision_comment VARCHAR(1000),
    CONSTRAINT leave_request_dates CHECK (end_date >= start_date)
);
CREATE INDEX leave_request_agent ON leave_request (soi, start_date);
CREATE INDEX leave_request_period ON leave_request (start_date, end_date);

CREATE TABLE leave_cet_deposit (
    id        UUID         NOT NULL PRIMARY KEY,
    soi       VARCHAR(7)   NOT NULL REFERENCES agent (soi),
    leave_year INTEGER     NOT NULL,
    from_type VARCHAR(12)  NOT NULL CHECK (from_type IN ('ANNUAL', 'RTT')),
    days      NUMERIC(5, 1) NOT NULL CHECK (days > 0),
    at        TIMESTAMP WITH TIME ZONE NOT NULL
);
