CREATE TABLE admin_request_attachment_content (
    attachment_id UUID  NOT NULL PRIMARY KEY REFERENCES admin_request_attachment (id),
    content       BYTEA NOT NULL
);
