-- The agents a synchronisation with the administration's LDAP directory brought in, with their entry's DN and when
-- it was last seen: when such an entry disappears, its agent is the directory's leaver (and only such agents: those
-- imported or provisioned otherwise are never departed by a synchronisation).
CREATE TABLE ldap_entry (
    soi     VARCHAR(7)    NOT NULL PRIMARY KEY,
    dn      VARCHAR(1000) NOT NULL,
    seen_at TIMESTAMP WITH TIME ZONE NOT NULL
);
