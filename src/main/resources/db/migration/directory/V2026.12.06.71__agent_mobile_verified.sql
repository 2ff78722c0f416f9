-- When the agent proved they hold their professional mobile (a code sent to it, when they changed it themselves):
-- such a number is theirs, and the HR system's or the LDAP directory's (often older) number does not replace it.
-- Cleared whenever the number is changed otherwise.
ALTER TABLE agent ADD COLUMN mobile_verified_at TIMESTAMP WITH TIME ZONE;
