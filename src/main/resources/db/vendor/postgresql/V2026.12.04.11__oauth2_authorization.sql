-- The authorizations of Spring Security's authorization server (JdbcOAuth2AuthorizationService): codes and tokens,
-- so that any node serves any step. Token values are text on PostgreSQL (as its schema asks), looked up by hash indexes.
CREATE TABLE oauth2_authorization (
    id                            VARCHAR(100) NOT NULL PRIMARY KEY,
    registered_client_id          VARCHAR(100) NOT NULL,
    principal_name                VARCHAR(200) NOT NULL,
    authorization_grant_type      VARCHAR(100) NOT NULL,
    authorized_scopes             VARCHAR(1000) DEFAULT NULL,
    attributes                    TEXT DEFAULT NULL,
    state                         VARCHAR(500) DEFAULT NULL,
    authorization_code_value      TEXT DEFAULT NULL,
    authorization_code_issued_at  TIMESTAMP WITH TIME ZONE DEFAULT NULL,
    authorization_code_expires_at TIMESTAMP WITH TIME ZONE DEFAULT NULL,
    authorization_code_metadata   TEXT DEFAULT NULL,
    access_token_value            TEXT DEFAULT NULL,
    access_token_issued_at        TIMESTAMP WITH TIME ZONE DEFAULT NULL,
    access_token_expires_at       TIMESTAMP WITH TIME ZONE DEFAULT NULL,
    access_token_metadata         TEXT DEFAULT NULL,
    access_token_type             VARCHAR(100) DEFAULT NULL,
    access_token_scopes           VARCHAR(1000) DEFAULT NULL,
    oidc_id_token_value           TEXT DEFAULT NULL,
    oidc_id_token_issued_at       TIMESTAMP WITH TIME ZONE DEFAULT NULL,
    oidc_id_token_expires_at      TIMESTAMP WITH TIME ZONE DEFAULT NULL,
    oidc_id_token_metadata        TEXT DEFAULT NULL,
    refresh_token_value           TEXT DEFAULT NULL,
    refresh_token_issued_at       TIMESTAMP WITH TIME ZONE DEFAULT NULL,
    refresh_token_expires_at      TIMESTAMP WITH TIME ZONE DEFAULT NULL,
    refresh_token_metadata        TEXT DEFAULT NULL,
    user_code_value               TEXT DEFAULT NULL,
    user_code_issued_at           TIMESTAMP WITH TIME ZONE DEFAULT NULL,
    user_code_expires_at          TIMESTAMP WITH TIME ZONE DEFAULT NULL,
    user_code_metadata            TEXT DEFAULT NULL,
    device_code_value             TEXT DEFAULT NULL,
    device_code_issued_at         TIMESTAMP WITH TIME ZONE DEFAULT NULL,
    device_code_expires_at        TIMESTAMP WITH TIME ZONE DEFAULT NULL,
    device_code_metadata          TEXT DEFAULT NULL
);
CREATE INDEX oauth2_authorization_state ON oauth2_authorization USING hash (state);
CREATE INDEX oauth2_authorization_authorization_code_value ON oauth2_authorization USING hash (authorization_code_value);
CREATE INDEX oauth2_authorization_access_token_value ON oauth2_authorization USING hash (access_token_value);
CREATE INDEX oauth2_authorization_oidc_id_token_value ON oauth2_authorization USING hash (oidc_id_token_value);
CREATE INDEX oauth2_authorization_refresh_token_value ON oauth2_authorization USING hash (refresh_token_value);
