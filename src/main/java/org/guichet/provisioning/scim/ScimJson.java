package org.guichet.provisioning.scim;

import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ErrorResponse;
import com.unboundid.scim2.common.utils.JsonUtils;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * SCIM's JSON, written and read by the SDK's own mapper (its model is annotated for it), as {@code
 * application/scim+json}; and SCIM's error messages (RFC 7644 §3.12).
 */
final class ScimJson {

    static final String MEDIA_TYPE = "application/scim+json";
    static final MediaType SCIM = MediaType.parseMediaType(MEDIA_TYPE + ";charset=UTF-8");

    private ScimJson() {}

    static String write(Object value) {
        try {
            return JsonUtils.getObjectWriter().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("SCIM resource not writable", e);
        }
    }

    /** A request's body as this SCIM type; anything unreadable is a 400 {@code invalidSyntax} with this detail. */
    static <T> T read(@Nullable String body, Class<T> type, String unreadable) throws ScimException {
        try {
            if (body == null || body.isBlank()) {
                throw new java.io.IOException("empty");
            }
            return JsonUtils.getObjectReader().forType(type).readValue(body);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw com.unboundid.scim2.common.exceptions.BadRequestException.invalidSyntax(unreadable);
        }
    }

    /** A resource a patch was applied to, as this SCIM type again; a value of the wrong type is a 400. */
    static <T> T typed(com.unboundid.scim2.common.GenericScimResource resource, Class<T> type) throws ScimException {
        try {
            return JsonUtils.nodeToValue(resource.getObjectNode(), type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw com.unboundid.scim2.common.exceptions.BadRequestException.invalidValue(
                    String.valueOf(e.getMessage()));
        }
    }

    /** This resource, with its status and headers. */
    static ResponseEntity<String> answer(int status, Object body, HttpHeaders headers) {
        return ResponseEntity.status(status).headers(headers).contentType(SCIM).body(write(body));
    }

    static ErrorResponse error(int status, @Nullable String scimType, String detail) {
        var error = new ErrorResponse(status);
        error.setScimType(scimType);
        error.setDetail(detail);
        return error;
    }

    static ResponseEntity<String> answer(ScimException refusal) {
        var error = refusal.getScimError();
        return answer(error.getStatus(), error, new HttpHeaders());
    }

    /** Writes an error outside Spring MVC (the security chain's refusals). */
    static void write(HttpServletResponse response, int status, @Nullable String scimType, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(SCIM.toString());
        response.getOutputStream().write(write(error(status, scimType, detail)).getBytes(StandardCharsets.UTF_8));
    }
}
