package org.guichet.directory;

/** Why one row of an import was rejected; nothing of that row is written. */
public enum ImportProblem {
    WRONG_COLUMN_COUNT,
    MISSING_VALUE,
    TOO_LONG,
    INVALID_CHARACTERS,
    INVALID_SOI,
    DUPLICATE_IN_FILE,
    INVALID_CODE,
    UNKNOWN_DEPARTMENT,
    UNKNOWN_PARENT,
    PARENT_REJECTED,
    DEPARTMENT_CYCLE,
    UNKNOWN_MANAGER,
    MANAGER_REJECTED,
    SELF_MANAGED,
    MANAGEMENT_CYCLE,
    INVALID_STATUS,
    INVALID_ROLE,
    INVALID_BOOLEAN,
    INVALID_DATE,
    INVALID_MOBILE,
    INVALID_LOGIN,
    LOGIN_TAKEN,
    INVALID_EMAIL,
    EMAIL_TAKEN,
    DATABASE_REFUSED;

    public String messageKey() {
        return "directory.import.problem." + name();
    }
}
