-- Conversations grow what the helpdesk works with: who took it, whether the agent cannot sign in at all (first in the
-- queue), whether it came from the login page's form (the identity not proven), and the secret of its reply address
-- (assistance+<token>@…). Messages say how they came (portal, e-mail, the login page's form) and what they are (a
-- sentence, or a remedy the helpdesk applied); a message that came by e-mail keeps its Message-ID, once.
ALTER TABLE conversation ADD COLUMN assignee VARCHAR(7) REFERENCES agent (soi);
ALTER TABLE conversation ADD COLUMN blocked BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE conversation ADD COLUMN unverified BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE conversation ADD COLUMN reply_token VARCHAR(32);
CREATE UNIQUE INDEX conversation_reply_token ON conversation (reply_token);

ALTER TABLE conversation_message ADD COLUMN via VARCHAR(10) NOT NULL DEFAULT 'PORTAL';
ALTER TABLE conversation_message ADD COLUMN remedy VARCHAR(20);
ALTER TABLE conversation_message ADD COLUMN mail_id VARCHAR(250);
CREATE UNIQUE INDEX conversation_message_mail ON conversation_message (mail_id);

INSERT INTO job_claim (name, held_until) VALUES ('helpline-mailbox', TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00');
