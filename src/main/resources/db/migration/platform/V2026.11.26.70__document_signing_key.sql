-- The key and self-signed certificate Guichet signs its certificates with when operators configure none: made once,
-- kept here (PKCS#12, base64, protected by a generated secret) so that every node signs with the same.
CREATE TABLE document_signing_key (
    name       VARCHAR(64)    NOT NULL PRIMARY KEY,
    pkcs12     VARCHAR(20000) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
