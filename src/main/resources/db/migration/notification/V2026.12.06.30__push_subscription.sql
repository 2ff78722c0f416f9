-- The browsers and installed apps an agent asked to be notified on (Web Push, RFC 8030): the push service's address
-- for this subscription, its keys (RFC 8291), and the categories the agent chose for it.
CREATE TABLE push_subscription (
    endpoint   VARCHAR(1000) NOT NULL PRIMARY KEY,
    soi        VARCHAR(7)    NOT NULL REFERENCES agent (soi),
    p256dh     VARCHAR(200)  NOT NULL,
    auth       VARCHAR(100)  NOT NULL,
    categories VARCHAR(300)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX push_subscription_agent ON push_subscription (soi);
