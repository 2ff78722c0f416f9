package org.guichet.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 problem outside Spring MVC, where filters refuse a request before any controller runs (sign-in
 * required, CSRF token missing). The sentence is in the caller's language, as in the rest of the API.
 */
@Component
@ConditionalOnWebApplication
public class ProblemResponses {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    ProblemResponses(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code) throws IOException {
        write(request, response, code, Map.of());
    }

    /** @param properties more members of the problem, e.g. {@code next}: where to go to get past it */
    public void write(
            HttpServletRequest request, HttpServletResponse response, ErrorCode code, Map<String, Object> properties)
            throws IOException {
        var locale = locales.resolveLocale(request);
        write(request, response, code, messages.getMessage(code.messageKey(), null, locale), properties);
    }

    /** A problem whose sentence ({@code detail}) the caller has written, in the caller's language. */
    public void write(
            HttpServletRequest request,
            HttpServletResponse response,
            ErrorCode code,
            String detail,
            Map<String, Object> properties)
            throws IOException {
        var problem = Problems.of(code, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        properties.forEach(problem::setProperty);
        response.setStatus(code.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
