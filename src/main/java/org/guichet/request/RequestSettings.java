package org.guichet.request;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The request types, bound to {@code guichet.request}.
 *
 * @param verifyUrl the public address certificates print, followed by {@code /verify/<reference>}
 */
@ConfigurationProperties("guichet.request")
@Validated
public record RequestSettings(List<TypeDefinition> types, String verifyUrl) {

    public RequestSettings {
        types = types == null ? List.of() : List.copyOf(types);
    }

    public Optional<TypeDefinition> type(String id) {
        return types.stream()
                .filter(type -> type.id().equalsIgnoreCase(id.strip()))
                .findFirst();
    }

    /** Who decides, in order. */
    public enum Step {
        MANAGER,
        HR
    }

    /** What a completed request produces. */
    public enum Produces {
        NOTHING,
        EMPLOYMENT_CERTIFICATE,
        /** The net pay of the payslips of the period the fields {@code from} and {@code to} give. */
        SALARY_CERTIFICATE
    }

    /**
     * A request type.
     *
     * @param id e.g. {@code EMPLOYMENT_CERTIFICATE}, as the API names it
     * @param route who decides, in order; none to complete at once
     */
    public record TypeDefinition(
            String id,
            Map<String, String> name,
            Map<String, String> description,
            @Nullable List<FieldDefinition> fields,
            @Nullable List<Step> route,
            @Nullable Produces produces) {

        public String name(Locale locale) {
            return name.getOrDefault(locale.getLanguage(), name.get("fr"));
        }

        public String description(Locale locale) {
            return description.getOrDefault(locale.getLanguage(), description.get("fr"));
        }

        public List<FieldDefinition> fieldList() {
            return fields == null ? List.of() : fields;
        }

        public List<Step> steps() {
            return route == null ? List.of() : route;
        }

        public Produces output() {
            return produces == null ? Produces.NOTHING : produces;
        }
    }

    /** The kinds of fields. */
    public enum Kind {
        TEXT,
        DATE,
        CHOICE,
        NUMBER,
        /** An uploaded file (PDF, JPEG or PNG): the value is the id the upload gave. */
        ATTACHMENT
    }

    /**
     * A field of a request type.
     *
     * @param choices the allowed values of a {@code CHOICE}
     * @param min the smallest {@code NUMBER}
     * @param max the largest {@code NUMBER}, or the longest {@code TEXT} (default 500)
     */
    public record FieldDefinition(
            String name,
            Kind kind,
            boolean required,
            Map<String, String> label,
            @Nullable List<String> choices,
            @Nullable BigDecimal min,
            @Nullable BigDecimal max) {

        public String label(Locale locale) {
            return label.getOrDefault(locale.getLanguage(), label.get("fr"));
        }
    }
}
