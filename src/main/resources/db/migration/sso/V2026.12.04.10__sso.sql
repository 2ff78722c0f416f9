-- Single sign-on: the applications (OAuth 2.0 clients) of Spring Security's authorization server, in its own schema
-- (JdbcRegisteredClientRepository), and the consents it could ask for (Guichet asks none: the administration's own
-- applications). Each client belongs to a service of the catalogue (client_settings "guichet.service").
CREATE TABLE oauth2_registered_client (
    id                            VARCHAR(100)  NOT NULL PRIMARY KEY,
    client_id                     VARCHAR(100)  NOT NULL UNIQUE,
    client_id_issued_at           TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    client_secret                 VARCHAR(200)  DEFAULT NULL,
    client_secret_expires_at      TIMESTAMP WITH TIME ZONE DEFAULT NULL,
    client_name                   VARCHAR(200)  NOT NULL,
    client_authentication_methods VARCHAR(1000) NOT NULL,
    authorization_grant_types     VARCHAR(1000) NOT NULL,
    redirect_uris                 VARCHAR(1000) DEFAULT NULL,
    post_logout_redirect_uris     VARCHAR(1000) DEFAULT NULL,
    scopes                        VARCHAR(1000) NOT NULL,
    client_settings               VARCHAR(2000) NOT NULL,
    token_settings                VARCHAR(2000) NOT NULL
);

CREATE TABLE oauth2_authorization_consent (
    registered_client_id VARCHAR(100)  NOT NULL,
    principal_name       VARCHAR(200)  NOT NULL,
    authorities          VARCHAR(1000) NOT NULL,
    PRIMARY KEY (registered_client_id, principal_name)
);

-- The keys ID tokens, access tokens and logout tokens are signed with: each a JWK (private part included) sealed
-- with guichet.sso.key-encryption-key. A key signs from use_from on; it is published from its creation (so that
-- applications that cache the key set know it before it signs), and until retired_at plus the longest token lifetime.
CREATE TABLE sso_signing_key (
    kid        VARCHAR(64)   NOT NULL PRIMARY KEY,
    sealed_jwk VARCHAR(8000) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    use_from   TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at TIMESTAMP WITH TIME ZONE
);

-- The Guichet sessions that signed into applications (sid: the session's stable key, the ID token's sid claim is
-- derived from it), and which authorization (tokens) each application got from each.
CREATE TABLE sso_session (
    sid        VARCHAR(64) NOT NULL PRIMARY KEY,
    agent      VARCHAR(64) NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at   TIMESTAMP WITH TIME ZONE,
    end_cause  VARCHAR(32)
);
CREATE INDEX sso_session_agent ON sso_session (agent, ended_at);

CREATE TABLE sso_authorization (
    authorization_id     VARCHAR(100) NOT NULL PRIMARY KEY,
    sid                  VARCHAR(64)  NOT NULL REFERENCES sso_session (sid),
    registered_client_id VARCHAR(100) NOT NULL,
    channel              VARCHAR(16)  NOT NULL,
    issuer               VARCHAR(500) NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    -- when the agent signed out of this application alone ("my sessions"), or the session ended
    ended_at             TIMESTAMP WITH TIME ZONE
);
CREATE INDEX sso_authorization_sid ON sso_authorization (sid);

-- Refresh tokens already exchanged (their SHA-256): one presented again revokes the tokens of its whole family.
CREATE TABLE sso_used_refresh_token (
    token_hash       CHAR(64)     NOT NULL PRIMARY KEY,
    authorization_id VARCHAR(100) NOT NULL,
    used_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sso_used_refresh_token_authorization ON sso_used_refresh_token (authorization_id);

-- Back-channel logout tokens to deliver, one per application a session that ended had signed into, or that the agent
-- signed out of (with the issuer its tokens named); retried until delivered or given up.
CREATE TABLE sso_logout_delivery (
    id                   UUID         NOT NULL PRIMARY KEY,
    sid                  VARCHAR(64)  NOT NULL,
    agent                VARCHAR(64)  NOT NULL,
    registered_client_id VARCHAR(100) NOT NULL,
    issuer               VARCHAR(500) NOT NULL,
    cause                VARCHAR(32)  NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts             INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at         TIMESTAMP WITH TIME ZONE,
    given_up_at          TIMESTAMP WITH TIME ZONE,
    last_error           VARCHAR(500)
);
CREATE INDEX sso_logout_delivery_due ON sso_logout_delivery (next_attempt_at);

INSERT INTO job_claim (name, held_until) VALUES ('sso-key-rotation', TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00');
INSERT INTO job_claim (name, held_until) VALUES ('sso-session-sweep', TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00');
