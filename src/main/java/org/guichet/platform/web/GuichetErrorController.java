package org.guichet.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.guichet.platform.PlatformError;
import org.guichet.platform.Problems;
import org.guichet.platform.SupportReferences;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.autoconfigure.error.AbstractErrorController;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error that reaches the container ends here: people get a page that says what happened and what to do,
 * API clients get {@code application/problem+json} with an {@code errorCode}. Nobody gets a stack trace; a server
 * failure gets a reference that is logged with it, so the helpdesk can find it.
 */
@ConditionalOnWebApplication
@Controller
@RequestMapping("${server.error.path:/error}")
class GuichetErrorController extends AbstractErrorController {

    private static final Logger LOG = LoggerFactory.getLogger(GuichetErrorController.class);

    private final ErrorAttributes errorAttributes;
    private final MessageSource messages;
    private final JsonMapper json;

    GuichetErrorController(ErrorAttributes errorAttributes, MessageSource messages, JsonMapper json) {
        super(errorAttributes);
        this.errorAttributes = errorAttributes;
        this.messages = messages;
        this.json = json;
    }

    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    @Nullable
    ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var status = getStatus(request);
        var reference = referenceFor(request, status);
        if (ApiPaths.isApi(request)) {
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem(request, status, reference));
            return null;
        }
        response.setStatus(status.value());
        var errorCode = errorCode(request, status);
        return new ModelAndView(
                "error/page",
                Map.of(
                        "status",
                        status.value(),
                        "errorCode",
                        errorCode.name(),
                        "family",
                        status.is5xxServerError() ? "5xx" : "4xx",
                        "reference",
                        reference == null ? "" : reference),
                status);
    }

    @RequestMapping
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        var status = getStatus(request);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(request, status, referenceFor(request, status)));
    }

    private ProblemDetail problem(HttpServletRequest request, HttpStatus status, @Nullable String reference) {
        var code = errorCode(request, status);
        var detail = messages.getMessage(code.messageKey(), null, LocaleContextHolder.getLocale());
        var problem = Problems.of(code, detail);
        problem.setStatus(status.value());
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
            problem.setInstance(java.net.URI.create(uri));
        }
        if (reference != null) {
            problem.setProperty(Problems.REFERENCE, reference);
        }
        return problem;
    }

    /** The status of the failed request; {@code /error} asked for directly is a page that does not exist. */
    @Override
    protected HttpStatus getStatus(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null
                ? HttpStatus.NOT_FOUND
                : super.getStatus(request);
    }

    /** A refused CSRF token gets its own code: the person needs to reload the page, not to ask for rights. */
    private static PlatformError errorCode(HttpServletRequest request, HttpStatus status) {
        if (request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException) {
            return PlatformError.CSRF_INVALID;
        }
        return PlatformError.forStatus(status.value());
    }

    /** Server failures get a reference, logged with the exception; client errors need none. */
    private @Nullable String referenceFor(HttpServletRequest request, HttpStatus status) {
        if (!status.is5xxServerError()) {
            return null;
        }
        var reference = SupportReferences.next();
        var failure = errorAttributes.getError(new ServletWebRequest(request));
        var attributes = getErrorAttributes(request, ErrorAttributeOptions.defaults());
        LOG.error(
                "Request {} failed with status {}, reference {}",
                attributes.get("path"),
                status.value(),
                reference,
                failure);
        return reference;
    }
}
