package org.guichet.payslip;

/** Why one row of a payroll CSV, or one file of a ZIP, is refused. */
public enum BatchProblem {
    WRONG_COLUMN_COUNT,
    MISSING_VALUE,
    TOO_LONG,
    INVALID_SOI,
    UNKNOWN_AGENT,
    INVALID_PERIOD,
    INVALID_AMOUNT,
    INVALID_NUMBER,
    /** Net pay is not gross pay less the deductions. */
    NET_PAY_MISMATCH,
    /** Taxable net is not net pay plus the non-deductible CSG and the CRDS. */
    TAXABLE_MISMATCH,
    DUPLICATE_IN_FILE,
    ALREADY_PUBLISHED,
    /** A file in the ZIP is not named {@code <soi>_<YYYY-MM>.pdf}. */
    INVALID_FILE_NAME,
    NOT_A_PDF,
    FILE_TOO_LARGE;

    public String messageKey() {
        return "payslip.problem." + name();
    }
}
