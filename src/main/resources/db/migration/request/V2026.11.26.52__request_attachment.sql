-- Files agents attach to requests: uploaded first (owned by the agent, attached to no request), then attached when the
-- request is filed. The content, binary, is in request_attachment_content (db/vendor).
CREATE TABLE admin_request_attachment (
    id           UUID          NOT NULL PRIMARY KEY,
    soi          VARCHAR(7)    NOT NULL REFERENCES agent (soi),
    request_id   UUID          REFERENCES admin_request (id),
    field_name   VARCHAR(40),
    file_name    VARCHAR(200)  NOT NULL,
    content_type VARCHAR(40)   NOT NULL,
    size         INTEGER       NOT NULL,
    sha256       VARCHAR(64)   NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX admin_request_attachment_request ON admin_request_attachment (request_id);
