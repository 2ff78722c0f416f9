package org.guichet.audit.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.guichet.audit.AuditError;
import org.guichet.audit.JournalQuery;
import org.guichet.platform.GuichetException;
import org.jspecify.annotations.Nullable;

/** The journal's search criteria as a form or a URL gives them, checked: blank means any. */
final class JournalCriteria {

    private static final Pattern SOI = Pattern.compile("\\d{7}");
    private static final Pattern TYPE = Pattern.compile("[A-Za-z]{1,64}");
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

    private JournalCriteria() {}

    static JournalQuery parse(
            @Nullable String agent,
            @Nullable String type,
            @Nullable String from,
            @Nullable String to,
            @Nullable String address) {
        var soi = blankToNull(agent);
        if (soi != null && !SOI.matcher(soi).matches()) {
            throw new GuichetException(AuditError.AGENT_INVALID);
        }
        var kind = blankToNull(type);
        if (kind != null && !TYPE.matcher(kind).matches()) {
            throw new GuichetException(AuditError.TYPE_INVALID);
        }
        var ip = blankToNull(address);
        if (ip != null && !ADDRESS.matcher(ip).matches()) {
            throw new GuichetException(AuditError.ADDRESS_INVALID);
        }
        var first = day(from);
        var last = day(to);
        if (first != null && last != null && last.isBefore(first)) {
            throw new GuichetException(AuditError.RANGE_INVALID);
        }
        return new JournalQuery(soi, kind, first, last, ip);
    }

    /** The month to verify, as a month field gives it (2026-11); blank means the whole chain. */
    static @Nullable YearMonth month(@Nullable String text) {
        var value = blankToNull(text);
        if (value == null) {
            return null;
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new GuichetException(AuditError.MONTH_INVALID);
        }
    }

    private static @Nullable LocalDate day(@Nullable String text) {
        var value = blankToNull(text);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new GuichetException(AuditError.RANGE_INVALID);
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
