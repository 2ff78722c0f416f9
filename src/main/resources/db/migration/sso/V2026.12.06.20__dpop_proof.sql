-- The DPoP proofs already seen (RFC 9449 §11.1), by the SHA-256 of their jti, until they could no longer be accepted
-- anyway: shared by every node, so that a proof replayed on another node is refused too.
CREATE TABLE dpop_proof (
    jti_hash   CHAR(64)                 NOT NULL PRIMARY KEY,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX dpop_proof_expiry ON dpop_proof (expires_at);
