-- What each type of journal entry is, as the code that writes it declares it (org.guichet.platform.Journaled): for
-- now, whether the agent it is about sees it in "my activity". Each append describes its type, so a type's row
-- follows the code; entries are never changed (the journal is append-only). These rows are the types "my activity"
-- showed before the code declared it.
CREATE TABLE journal_type (
    type           VARCHAR(64) NOT NULL PRIMARY KEY,
    in_my_activity BOOLEAN     NOT NULL
);
INSERT INTO journal_type (type, in_my_activity) VALUES
    ('SignedIn', TRUE),
    ('SignInFailed', TRUE),
    ('SecondFactorFailed', TRUE),
    ('AccountLocked', TRUE),
    ('AccountUnlocked', TRUE),
    ('SecondStepLocked', TRUE),
    ('PasswordChanged', TRUE),
    ('PasswordResetCompleted', TRUE),
    ('FactorAdded', TRUE),
    ('FactorRemoved', TRUE),
    ('RecoveryCodeUsed', TRUE),
    ('EnrolmentCodeUsed', TRUE),
    ('MobileNumberChanged', TRUE),
    ('NotMeReported', TRUE);
