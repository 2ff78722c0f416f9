-- Work schedules: each agent's regular weekly pattern (one row per time slot), and shifts imported for teams that
-- work in rotations (a shift ending before it starts ends the next day).
CREATE TABLE schedule_slot (
    soi        VARCHAR(7)  NOT NULL REFERENCES agent (soi),
    weekday    INTEGER     NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    starts_at  TIME        NOT NULL,
    ends_at    TIME        NOT NULL,
    CONSTRAINT schedule_slot_order CHECK (ends_at > starts_at),
    PRIMARY KEY (soi, weekday, starts_at)
);

CREATE TABLE schedule_shift (
    id         UUID         NOT NULL PRIMARY KEY,
    soi        VARCHAR(7)   NOT NULL REFERENCES agent (soi),
    work_day   DATE         NOT NULL,
    starts_at  TIME         NOT NULL,
    ends_at    TIME         NOT NULL,
    label      VARCHAR(100),
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT schedule_shift_uk UNIQUE (soi, work_day, starts_at)
);
CREATE INDEX schedule_shift_day ON schedule_shift (soi, work_day);
