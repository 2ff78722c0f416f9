-- Directory: departments (a tree) and agents (SOI, login, e-mail, department, manager, roles).

CREATE TABLE department (
    code        VARCHAR(32)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    parent_code VARCHAR(32)  REFERENCES department (code),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX department_parent_idx ON department (parent_code);

CREATE TABLE agent (
    soi             VARCHAR(7)   NOT NULL PRIMARY KEY,
    login           VARCHAR(64)  NOT NULL,
    email           VARCHAR(254) NOT NULL,
    first_name      VARCHAR(100) NOT NULL,
    last_name       VARCHAR(100) NOT NULL,
    department_code VARCHAR(32)  NOT NULL REFERENCES department (code),
    manager_soi     VARCHAR(7)   REFERENCES agent (soi),
    job_title       VARCHAR(200),
    mobile          VARCHAR(16),
    status          VARCHAR(16)  NOT NULL,
    sensitive       BOOLEAN      NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT agent_login_uk UNIQUE (login),
    CONSTRAINT agent_email_uk UNIQUE (email),
    CONSTRAINT agent_soi_ck CHECK (CHAR_LENGTH(soi) = 7),
    CONSTRAINT agent_status_ck CHECK (status IN ('ACTIVE', 'SUSPENDED', 'DEPARTED'))
);

CREATE INDEX agent_manager_idx ON agent (manager_soi);
CREATE INDEX agent_department_idx ON agent (department_code);

-- Roles granted explicitly; AGENT (everyone) and MANAGER (anyone with reports) are derived.
CREATE TABLE agent_role (
    soi  VARCHAR(7)  NOT NULL REFERENCES agent (soi),
    role VARCHAR(16) NOT NULL,
    PRIMARY KEY (soi, role),
    CONSTRAINT agent_role_ck CHECK (role IN ('HR', 'SUPPORT', 'SECURITY', 'ADMIN'))
);
