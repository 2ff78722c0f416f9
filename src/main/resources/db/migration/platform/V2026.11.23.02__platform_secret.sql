-- Keys Guichet generates for itself (signing trusted-browser cookies), shared by every node.
CREATE TABLE platform_secret (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    secret     VARCHAR(128) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
