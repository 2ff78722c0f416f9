-- Conversations between agents and IT support: what the agent was stuck on (the refusal's reference, and the reason
-- and channel the journal recorded for it), and the messages both ways.
CREATE TABLE conversation (
    id         UUID          NOT NULL PRIMARY KEY,
    soi        VARCHAR(7)    NOT NULL REFERENCES agent (soi),
    reference  VARCHAR(20),
    reason     VARCHAR(40),
    service    VARCHAR(60),
    channel    VARCHAR(10),
    page       VARCHAR(300),
    browser    VARCHAR(300),
    state      VARCHAR(10)   NOT NULL CHECK (state IN ('OPEN', 'ANSWERED', 'RESOLVED')),
    opened_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX conversation_agent ON conversation (soi, opened_at);
CREATE INDEX conversation_queue ON conversation (state, opened_at);

CREATE TABLE conversation_message (
    id              UUID          NOT NULL PRIMARY KEY,
    conversation_id UUID          NOT NULL REFERENCES conversation (id),
    author          VARCHAR(7)    NOT NULL REFERENCES agent (soi),
    from_helpdesk   BOOLEAN       NOT NULL,
    body            VARCHAR(4000) NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX conversation_message_thread ON conversation_message (conversation_id, sent_at);
