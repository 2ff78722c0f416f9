package org.guichet.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.guichet.platform.PlatformError;
import org.guichet.platform.ProblemResponses;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A form or multipart body that cannot be read (a multipart body without its boundary, a truncated part, a
 * {@code %zz} that is no escape) is refused with 400 before anything reads it: the CSRF filter, the language
 * switch and every controller read parameters, and each would otherwise fail with a 500. A body that is too large
 * gets 413. Scripts get a problem, people the error page, in their language.
 */
final class UnreadableBodyFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;

    UnreadableBodyFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var type =
                request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        var multipart = type.startsWith("multipart/");
        if (multipart || type.startsWith("application/x-www-form-urlencoded")) {
            try {
                if (multipart) {
                    request.getParts();
                } else {
                    request.getParameterMap();
                }
            } catch (IOException | ServletException | RuntimeException unreadable) {
                refuse(
                        request,
                        response,
                        tooLarge(unreadable) ? PlatformError.PAYLOAD_TOO_LARGE : PlatformError.BAD_REQUEST);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, PlatformError error)
            throws IOException {
        if (ApiPaths.isApi(request)) {
            problems.write(request, response, error);
        } else {
            response.sendError(error.status().value());
        }
    }

    /** Whether the container refused the body for its size (Tomcat's file-upload size exceptions). */
    private static boolean tooLarge(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().contains("SizeLimitExceeded")
                    || cause.getClass().getSimpleName().contains("SizeException")) {
                return true;
            }
        }
        return false;
    }
}
