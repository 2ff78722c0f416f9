package org.guichet.request.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.guichet.platform.GuichetException;
import org.guichet.request.RequestError;
import org.guichet.request.RequestSettings;

/** Checks the fields of a request against its type: each known, required ones present, each of its kind. */
public final class RequestFields {

    private static final int DEFAULT_TEXT_LENGTH = 500;

    private RequestFields() {}

    /** The fields of a draft: those given must be right, the required ones may still be missing. */
    public static Map<String, String> checkDraft(RequestSettings.TypeDefinition type, Map<String, String> input) {
        var given = new LinkedHashMap<String, String>();
        input.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                given.put(name, value);
            }
        });
        var optional = new RequestSettings.TypeDefinition(
                type.id(),
                type.name(),
                type.description(),
                type.fieldList().stream()
                        .map(field -> new RequestSettings.FieldDefinition(
                                field.name(),
                                field.kind(),
                                false,
                                field.label(),
                                field.choices(),
                                field.min(),
                                field.max()))
                        .toList(),
                type.route(),
                type.produces());
        return check(optional, given);
    }

    /** The fields as stored (trimmed, dates ISO, numbers plain); {@link RequestError#FIELD_INVALID} names the first wrong one. */
    public static Map<String, String> check(RequestSettings.TypeDefinition type, Map<String, String> input) {
        for (var name : input.keySet()) {
            if (type.fieldList().stream().noneMatch(field -> field.name().equals(name))) {
                throw new GuichetException(RequestError.FIELD_INVALID, name);
            }
        }
        var fields = new LinkedHashMap<String, String>();
        for (var field : type.fieldList()) {
            var raw = input.get(field.name());
            var value = raw == null ? "" : raw.strip();
            if (value.isEmpty()) {
                if (field.required()) {
                    throw new GuichetException(RequestError.FIELD_INVALID, field.name());
                }
                continue;
            }
            if (!valid(field, value)) {
                throw new GuichetException(RequestError.FIELD_INVALID, field.name());
            }
            fields.put(
                    field.name(),
                    field.kind() == RequestSettings.Kind.NUMBER
                            ? new BigDecimal(value.replace(',', '.'))
                                    .stripTrailingZeros()
                                    .toPlainString()
                            : value);
        }
        var from = fields.get("from");
        var to = fields.get("to");
        if (from != null
                && to != null
                && isDate(type, "from")
                && isDate(type, "to")
                && LocalDate.parse(to).isBefore(LocalDate.parse(from))) {
            throw new GuichetException(RequestError.FIELD_INVALID, "to");
        }
        return fields;
    }

    private static boolean isDate(RequestSettings.TypeDefinition type, String name) {
        return type.fieldList().stream()
                .anyMatch(field -> field.name().equals(name) && field.kind() == RequestSettings.Kind.DATE);
    }

    private static boolean valid(RequestSettings.FieldDefinition field, String value) {
        return switch (field.kind()) {
            case TEXT ->
                value.length()
                                <= (field.max() == null
                                        ? DEFAULT_TEXT_LENGTH
                                        : field.max().intValue())
                        && value.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t');
            case DATE -> {
                try {
                    LocalDate.parse(value);
                    yield true;
                } catch (DateTimeParseException e) {
                    yield false;
                }
            }
            case CHOICE -> field.choices() != null && field.choices().contains(value);
            case ATTACHMENT -> {
                try {
                    java.util.UUID.fromString(value);
                    yield value.length() == 36;
                } catch (IllegalArgumentException e) {
                    yield false;
                }
            }
            case NUMBER -> {
                try {
                    var number = new BigDecimal(value.replace(',', '.'));
                    yield (field.min() == null || number.compareTo(field.min()) >= 0)
                            && (field.max() == null || number.compareTo(field.max()) <= 0);
                } catch (NumberFormatException e) {
                    yield false;
                }
            }
        };
    }
}
