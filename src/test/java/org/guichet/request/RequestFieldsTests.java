package org.guichet.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.guichet.platform.GuichetException;
import org.guichet.request.RequestSettings.FieldDefinition;
import org.guichet.request.RequestSettings.Kind;
import org.guichet.request.domain.RequestFields;
import org.junit.jupiter.api.Test;

/** The fields of a request, checked as a plain function: what is stored, and the field a refusal names. */
class RequestFieldsTests {

    private static final RequestSettings.TypeDefinition TYPE = new RequestSettings.TypeDefinition(
            "ESSAI",
            Map.of("fr", "Essai"),
            Map.of(),
            List.of(
                    field("title", Kind.TEXT, true, null, null, new BigDecimal("20")),
                    field("days", Kind.NUMBER, true, null, new BigDecimal("0.5"), new BigDecimal("30")),
                    field("from", Kind.DATE, false, null, null, null),
                    field("to", Kind.DATE, false, null, null, null),
                    field("mode", Kind.CHOICE, false, List.of("ONSITE", "REMOTE"), null, null),
                    field("proof", Kind.ATTACHMENT, false, null, null, null)),
            List.of(RequestSettings.Step.HR),
            null);

    @Test
    void checkWhenRightThenStoredTrimmedWithPlainNumbers() {
        var stored = RequestFields.check(
                TYPE,
                Map.of(
                        "title", "  Sécurité  ",
                        "days", "1,50",
                        "from", "2027-03-08",
                        "to", "2027-03-08",
                        "mode", "REMOTE",
                        "proof", "0f8fad5b-d9cb-469f-a165-70867728950e"));
        assertThat(stored)
                .containsExactly(
                        Map.entry("title", "Sécurité"),
                        Map.entry("days", "1.5"),
                        Map.entry("from", "2027-03-08"),
                        Map.entry("to", "2027-03-08"),
                        Map.entry("mode", "REMOTE"),
                        Map.entry("proof", "0f8fad5b-d9cb-469f-a165-70867728950e"));
    }

    @Test
    void checkWhenAFieldIsWrongThenTheRefusalNamesIt() {
        assertThat(refused(Map.of("title", "Sécurité", "days", "2", "colour", "blue")))
                .as("a field the type does not have")
                .isEqualTo("colour");
        assertThat(refused(Map.of("days", "2"))).as("required").isEqualTo("title");
        assertThat(refused(Map.of("title", "x".repeat(21), "days", "2")))
                .as("too long")
                .isEqualTo("title");
        assertThat(refused(Map.of("title", "a\u0000b", "days", "2")))
                .as("control character")
                .isEqualTo("title");
        assertThat(refused(Map.of("title", "Sécurité", "days", "0.4")))
                .as("below the minimum")
                .isEqualTo("days");
        assertThat(refused(Map.of("title", "Sécurité", "days", "31")))
                .as("above the maximum")
                .isEqualTo("days");
        assertThat(refused(Map.of("title", "Sécurité", "days", "deux"))).isEqualTo("days");
        assertThat(refused(Map.of("title", "Sécurité", "days", "2", "from", "31/02/2027")))
                .isEqualTo("from");
        assertThat(refused(Map.of("title", "Sécurité", "days", "2", "mode", "MOON")))
                .isEqualTo("mode");
        assertThat(refused(Map.of("title", "Sécurité", "days", "2", "proof", "../etc/passwd")))
                .isEqualTo("proof");
        assertThat(refused(Map.of("title", "Sécurité", "days", "2", "from", "2027-03-08", "to", "2027-03-07")))
                .as("a period that ends before it starts")
                .isEqualTo("to");
    }

    @Test
    void checkDraftWhenRequiredFieldsMissingThenKeptButAWrongOneStillRefused() {
        assertThat(RequestFields.checkDraft(TYPE, Map.of("days", "2"))).containsExactly(Map.entry("days", "2"));
        var blank = new HashMap<String, String>();
        blank.put("title", " ");
        blank.put("days", null);
        assertThat(RequestFields.checkDraft(TYPE, blank)).isEmpty();
        var wrong = catchThrowableOfType(
                GuichetException.class, () -> RequestFields.checkDraft(TYPE, Map.of("days", "99")));
        assertThat(wrong.errorCode()).isEqualTo(RequestError.FIELD_INVALID);
    }

    private static String refused(Map<String, String> input) {
        var refusal = catchThrowableOfType(GuichetException.class, () -> RequestFields.check(TYPE, input));
        assertThat(refusal).as("refused: " + input).isNotNull();
        assertThat(refusal.errorCode()).isEqualTo(RequestError.FIELD_INVALID);
        return String.valueOf(refusal.getDetailMessageArguments()[0]);
    }

    private static FieldDefinition field(
            String name, Kind kind, boolean required, List<String> choices, BigDecimal min, BigDecimal max) {
        return new FieldDefinition(name, kind, required, Map.of("fr", name), choices, min, max);
    }
}
