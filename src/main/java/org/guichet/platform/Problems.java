package org.guichet.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details that always carry a stable {@code errorCode}. */
public final class Problems {

    public static final String ERROR_CODE = "errorCode";
    public static final String REFERENCE = "reference";

    private Problems() {}

    public static ProblemDetail of(ErrorCode code, @Nullable String detail) {
        var problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
        problem.setType(code.type());
        problem.setTitle(code.status().getReasonPhrase());
        problem.setProperty(ERROR_CODE, code.name());
        return problem;
    }
}
