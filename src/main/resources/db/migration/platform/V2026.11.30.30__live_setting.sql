-- Settings the administrators change while Guichet runs, each a JSON document under its name; they replace the
-- configuration's value of the same settings. Every node reloads them when the version moves (checked every few
-- seconds), so a change applies everywhere without restart.
CREATE TABLE live_setting (
    name       VARCHAR(64)    NOT NULL PRIMARY KEY,
    content    VARCHAR(20000) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by VARCHAR(7)     NOT NULL
);

CREATE TABLE live_setting_version (
    id      INT    NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO live_setting_version (id, version) VALUES (1, 0);
