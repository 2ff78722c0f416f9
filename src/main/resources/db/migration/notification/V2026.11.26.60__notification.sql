-- In-app notifications (the title in both languages, a link), and each agent's e-mail choice per category.
CREATE TABLE notification (
    id         UUID          NOT NULL PRIMARY KEY,
    soi        VARCHAR(7)    NOT NULL REFERENCES agent (soi),
    category   VARCHAR(20)   NOT NULL,
    title_fr   VARCHAR(300)  NOT NULL,
    title_en   VARCHAR(300)  NOT NULL,
    link       VARCHAR(200)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX notification_agent ON notification (soi, created_at);

CREATE TABLE notification_preference (
    soi      VARCHAR(7)  NOT NULL REFERENCES agent (soi),
    category VARCHAR(20) NOT NULL,
    email    BOOLEAN     NOT NULL,
    PRIMARY KEY (soi, category)
);

-- The daily digests sent, one per agent and day whatever the number of nodes.
CREATE TABLE notification_digest (
    soi        VARCHAR(7) NOT NULL REFERENCES agent (soi),
    digest_day DATE       NOT NULL,
    PRIMARY KEY (soi, digest_day)
);
