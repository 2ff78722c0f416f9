package org.guichet.platform.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.guichet.platform.PlatformError;
import org.guichet.platform.Problems;
import org.guichet.platform.SecurityHeaders;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Tomcat refuses before the application sees it (an address that climbs above the root such as {@code
 * /%2e%2e/etc/passwd}, a NUL or broken UTF-8 in the path) never reaches Spring Security, which writes the security
 * headers on every other answer, nor Guichet's error pages. This valve, first in Tomcat's engine, gives such an answer
 * the same headers and, instead of Tomcat's own page, a problem for the API or a short page for people, in their
 * language (from {@code Accept-Language}: nothing else of such a request can be trusted to be read).
 */
final class RefusedRequestHeaders extends ValveBase {

    private final MessageSource messages;
    private final JsonMapper json;

    RefusedRequestHeaders(MessageSource messages, JsonMapper json) {
        super(true);
        this.messages = messages;
        this.json = json;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        // before the pipeline, only Tomcat itself has answered: with an error, or a status of 400 and more
        if (!(response.isError() || response.getStatus() >= 400) || response.isCommitted()) {
            getNext().invoke(request, response);
            return;
        }
        SecurityHeaders.ALWAYS.forEach(response::setHeader);
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", SecurityHeaders.STRICT_TRANSPORT_SECURITY);
        }
        var code = PlatformError.forStatus(response.getStatus());
        var locale = LocaleConfiguration.accepted(request.getHeader("Accept-Language"));
        var detail = messages.getMessage(code.messageKey(), null, locale);
        response.setSuspended(false);
        response.resetBuffer();
        var uri = request.getRequestURI();
        if (uri != null && uri.startsWith("/api/")) {
            response.setContentType("application/problem+json");
            var problem = Problems.of(code, detail);
            problem.setStatus(response.getStatus());
            response.getOutputStream().write(json.writeValueAsBytes(problem));
        } else {
            response.setContentType("text/html;charset=UTF-8");
            var title = HtmlUtils.htmlEscape(messages.getMessage("error.page." + code.name() + ".title", null, locale));
            var text = HtmlUtils.htmlEscape(messages.getMessage("error.page." + code.name() + ".text", null, locale));
            var home = HtmlUtils.htmlEscape(messages.getMessage("error.page.home", null, locale));
            var page = "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
                    + " – Guichet</title><link rel=\"stylesheet\" href=\"/css/guichet.css\"></head><body>"
                    + "<main class=\"site-main\"><h1>" + title + "</h1><p>" + text + "</p><p><a class=\"button\" "
                    + "href=\"/\">" + home + "</a></p></main></body></html>";
            response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
        }
        response.finishResponse();
    }
}
