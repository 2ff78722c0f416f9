package org.guichet.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.guichet.platform.PlatformError;
import org.guichet.platform.ProblemResponses;
import org.guichet.platform.SecurityHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The first filter of every request: when the database cannot be reached ({@link DatabaseUnreachable}), whatever was
 * doing (the session's read, the sign-in, a page), the answer is a 503 with {@code Retry-After}, written here. The
 * container's error page cannot say it: it would read the session again, fail again and show Tomcat's own "500".
 * People get a page of its own that needs neither the session nor the database ({@code error/unavailable}); API
 * clients a problem ({@code SERVICE_UNAVAILABLE}); both with the security headers of every answer.
 */
class DatabaseUnreachableFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnreachableFilter.class);

    private final ITemplateEngine templates;
    private final LocaleResolver locales;
    private final ProblemResponses problems;
    private volatile JakartaServletWebApplication application;

    DatabaseUnreachableFilter(ITemplateEngine templates, LocaleResolver locales, ProblemResponses problems) {
        this.templates = templates;
        this.locales = locales;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseUnreachable.is(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warn(
                    "Request {} answered 503: the database cannot be reached ({})",
                    request.getRequestURI(),
                    e.toString());
            unavailable(request, response);
        }
    }

    private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.reset();
        SecurityHeaders.ALWAYS.forEach(response::setHeader);
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", SecurityHeaders.STRICT_TRANSPORT_SECURITY);
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnreachable.RETRY_AFTER);
        if (ApiPaths.isApi(request)) {
            problems.write(request, response, PlatformError.SERVICE_UNAVAILABLE);
            return;
        }
        var web = application;
        if (web == null) {
            web = JakartaServletWebApplication.buildApplication(request.getServletContext());
            application = web;
        }
        var context = new WebContext(web.buildExchange(request, response), locales.resolveLocale(request));
        // the same address again (a form's page, for a form that failed), never elsewhere
        context.setVariable(
                "retry",
                "GET".equals(request.getMethod()) && request.getQueryString() != null
                        ? request.getRequestURI() + "?" + request.getQueryString()
                        : request.getRequestURI());
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        templates.process("error/unavailable", context, response.getWriter());
    }
}
