package org.guichet.directory.importing;

import java.util.Locale;
import java.util.regex.Pattern;
import org.guichet.directory.ImportProblem;
import org.guichet.platform.CsvTable;
import org.jspecify.annotations.Nullable;

/** Reads and checks the values of one row; the first problem rejects the row. */
final class Fields {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,31}");

    private final CsvTable.Row row;

    Fields(CsvTable.Row row) {
        if (!row.complete()) {
            throw new RowRejected(ImportProblem.WRONG_COLUMN_COUNT);
        }
        this.row = row;
    }

    String required(String column, int maxLength) {
        var value = optional(column, maxLength);
        if (value == null) {
            throw new RowRejected(ImportProblem.MISSING_VALUE, column);
        }
        return value;
    }

    @Nullable
    String optional(String column, int maxLength) {
        var value = row.get(column);
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new RowRejected(ImportProblem.TOO_LONG, column, maxLength);
        }
        if (CONTROL.matcher(value).find()) {
            throw new RowRejected(ImportProblem.INVALID_CHARACTERS, column);
        }
        return value;
    }

    /** A department code: letters, digits, {@code -} and {@code _}, up to 32, stored in upper case. */
    @Nullable
    String code(String column) {
        var value = optional(column, 32);
        if (value == null) {
            return null;
        }
        var code = value.toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw new RowRejected(ImportProblem.INVALID_CODE, column, value);
        }
        return code;
    }

    /** A day written {@code YYYY-MM-DD} or {@code DD/MM/YYYY}. */
    java.time.@Nullable LocalDate date(String column) {
        var value = optional(column, 10);
        if (value == null) {
            return null;
        }
        try {
            return value.contains("/")
                    ? java.time.LocalDate.parse(value, java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu"))
                    : java.time.LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new RowRejected(ImportProblem.INVALID_DATE, column, value);
        }
    }

    boolean bool(String column) {
        var value = optional(column, 5);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "oui", "1", "y", "o", "vrai" -> true;
            case "false", "no", "non", "0", "n", "faux" -> false;
            default -> throw new RowRejected(ImportProblem.INVALID_BOOLEAN, column, value);
        };
    }
}
