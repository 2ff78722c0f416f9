CREATE TABLE admin_request_document_content (
    document_id UUID NOT NULL PRIMARY KEY REFERENCES admin_request_document (id),
    content     BINARY LARGE OBJECT NOT NULL
);
