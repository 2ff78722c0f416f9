-- Identity: second factors (authenticator apps, SMS, recovery codes), their codes and counters, enrolment codes.
-- Passkeys live in Spring Security's own tables (see db/vendor/*/V2026.11.24.21__passkeys.sql).

-- Authenticator apps (TOTP, RFC 6238). The key is encrypted (AES-GCM) with the configured key; last_step is the
-- time step of the last code accepted, so that no code is accepted twice, whichever node checks it.
CREATE TABLE totp_credential (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    soi          VARCHAR(7)   NOT NULL,
    name         VARCHAR(64)  NOT NULL,
    secret       VARCHAR(512) NOT NULL,
    algorithm    VARCHAR(16)  NOT NULL,
    digits       INT          NOT NULL,
    period       INT          NOT NULL,
    last_step    BIGINT,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX totp_credential_soi_idx ON totp_credential (soi);

-- Codes by SMS to the agent's verified mobile number: at most one factor per agent.
CREATE TABLE sms_factor (
    soi          VARCHAR(7)  NOT NULL PRIMARY KEY,
    name         VARCHAR(64) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE
);

-- One-time codes sent by SMS (to sign in, to confirm a step-up, to verify a new number), hashed.
CREATE TABLE sms_code (
    id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    soi        VARCHAR(7)   NOT NULL,
    purpose    VARCHAR(16)  NOT NULL,
    number     VARCHAR(16)  NOT NULL,
    code_hash  VARCHAR(512) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts   INT          NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX sms_code_soi_idx ON sms_code (soi, purpose);

-- Recovery codes: ten single-use codes per agent, hashed.
CREATE TABLE recovery_code (
    id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    soi        VARCHAR(7)   NOT NULL,
    code_hash  VARCHAR(512) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX recovery_code_soi_idx ON recovery_code (soi);

-- Enrolment codes the helpdesk hands an agent who has no factor and is away from the office: single use, hashed.
CREATE TABLE enrolment_code (
    id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    soi        VARCHAR(7)   NOT NULL,
    code_hash  VARCHAR(512) NOT NULL,
    issued_by  VARCHAR(64)  NOT NULL,
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX enrolment_code_soi_idx ON enrolment_code (soi);

-- Reset codes sent are now counted by the platform's rate limits (exact under concurrency).
DROP TABLE reset_request;
