package org.guichet.platform.web;

import java.time.DateTimeException;
import java.util.List;
import java.util.Map;
import org.guichet.platform.ErrorCode;
import org.guichet.platform.PlatformError;
import org.guichet.platform.Problems;
import org.guichet.platform.SupportReferences;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns what API controllers throw into RFC 9457 problem details that always carry an {@code errorCode}, with
 * messages in the caller's language. HTML controllers are left to the error pages.
 */
@ConditionalOnWebApplication
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
        setMessageSource(messages);
    }

    /** Spring Security answers these itself (sign-in required, or the error page for a refusal). */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void rethrowSecurityException(RuntimeException e) {
        throw e;
    }

    /**
     * What a client's input causes deep down: a body that is not the multipart the endpoint reads, a date so far off
     * (year 999999999) that arithmetic on it overflows. The request is wrong, not the server.
     */
    @ExceptionHandler({MultipartException.class, DateTimeException.class})
    ResponseEntity<Object> handleUnusableInput(Exception e, WebRequest request) {
        LOG.info("API request {} refused as unusable input: {}", request.getDescription(false), e.toString());
        return problemResponse(problem(PlatformError.BAD_REQUEST));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception e, WebRequest request) throws Exception {
        if (UnusableInput.is(e)) {
            return handleUnusableInput(e, request);
        }
        if (DatabaseUnreachable.is(e)) {
            // not a fault of this request: the outermost filter answers it, as it does when no controller ran
            throw e;
        }
        var reference = SupportReferences.next();
        LOG.error("API request {} failed, reference {}", request.getDescription(false), reference, e);
        var problem = problem(PlatformError.INTERNAL_ERROR);
        problem.setProperty(Problems.REFERENCE, reference);
        return problemResponse(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var locale = LocaleContextHolder.getLocale();
        var problem = problem(PlatformError.VALIDATION_FAILED);
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", messages.getMessage(error, locale)))
                .toList();
        problem.setProperty("errors", errors);
        return problemResponse(problem);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && !hasErrorCode(problem)) {
            var code = PlatformError.forStatus(status.value());
            problem.setType(code.type());
            problem.setProperty(Problems.ERROR_CODE, code.name());
            problem.setDetail(messages.getMessage(code.messageKey(), null, LocaleContextHolder.getLocale()));
        }
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private ProblemDetail problem(ErrorCode code) {
        return Problems.of(code, messages.getMessage(code.messageKey(), null, LocaleContextHolder.getLocale()));
    }

    private static ResponseEntity<Object> problemResponse(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static boolean hasErrorCode(ProblemDetail problem) {
        return problem.getProperties() != null && problem.getProperties().containsKey(Problems.ERROR_CODE);
    }
}
