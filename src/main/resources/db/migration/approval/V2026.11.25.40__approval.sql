-- Approval steps other modules ask for (remote access, later leave and administrative requests), and the
-- delegations of managers while they are away.
CREATE TABLE approval (
    id                    UUID          NOT NULL PRIMARY KEY,
    kind                  VARCHAR(40)   NOT NULL,
    subject               VARCHAR(64)   NOT NULL,
    requester_soi         VARCHAR(7)    NOT NULL,
    approver_soi          VARCHAR(7)    NOT NULL,
    first_approver_soi    VARCHAR(7)    NOT NULL,
    details               VARCHAR(2000) NOT NULL,
    starts_on             DATE,
    ends_on               DATE,
    state                 VARCHAR(10)   NOT NULL CHECK (state IN ('PENDING', 'APPROVED', 'REJECTED', 'CANCELLED')),
    submitted_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    waiting_since         TIMESTAMP WITH TIME ZONE NOT NULL,
    reminded_at           TIMESTAMP WITH TIME ZONE,
    decided_at            TIMESTAMP WITH TIME ZONE,
    decided_by_soi        VARCHAR(7),
    on_behalf_of_soi      VARCHAR(7),
    decision_comment      VARCHAR(1000)
);
CREATE INDEX approval_waiting ON approval (approver_soi, state);
CREATE INDEX approval_subject ON approval (kind, subject);

CREATE TABLE approval_delegation (
    id            UUID       NOT NULL PRIMARY KEY,
    delegator_soi VARCHAR(7) NOT NULL,
    delegate_soi  VARCHAR(7) NOT NULL,
    starts_on     DATE       NOT NULL,
    ends_on       DATE       NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK (ends_on >= starts_on),
    CHECK (delegator_soi <> delegate_soi)
);
CREATE INDEX approval_delegation_delegate ON approval_delegation (delegate_soi, starts_on, ends_on);
CREATE INDEX approval_delegation_delegator ON approval_delegation (delegator_soi, ends_on);
