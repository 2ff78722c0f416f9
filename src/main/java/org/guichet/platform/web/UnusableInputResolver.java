package org.guichet.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * For pages, what {@link ApiExceptionHandler} does for the API: {@link UnusableInput} (a body that is not the
 * multipart a form sends, a date so far off that arithmetic on it overflows, a value the database refuses as data) is
 * the request's fault and gets the 400 page (413 for a file too large), not a 500. Runs after Spring MVC's own
 * resolvers.
 */
final class UnusableInputResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(UnusableInputResolver.class);

    @Override
    public @Nullable ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, @Nullable Object handler, Exception e) {
        if (!UnusableInput.is(e) || response.isCommitted()) {
            return null;
        }
        LOG.info("Request {} refused as unusable input: {}", request.getRequestURI(), e.toString());
        try {
            response.sendError(
                    e instanceof MaxUploadSizeExceededException
                            ? HttpStatus.CONTENT_TOO_LARGE.value()
                            : HttpStatus.BAD_REQUEST.value());
        } catch (IOException failed) {
            return null;
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
