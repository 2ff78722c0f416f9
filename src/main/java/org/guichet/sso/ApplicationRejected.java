package org.guichet.sso;

import java.util.List;

/**
 * An application an administrator registered or changed was refused: nothing was stored. Each problem names the
 * field (as the form names it) and the key of the sentence that explains it.
 */
public class ApplicationRejected extends RuntimeException {

    @io.swagger.v3.oas.annotations.media.Schema(name = "ApplicationProblem")
    public record Problem(String field, String key) {

        /** Its sentence takes no argument (as the administration's forms read problems). */
        public java.util.List<String> arguments() {
            return java.util.List.of();
        }
    }

    private final List<Problem> problems;

    public ApplicationRejected(List<Problem> problems) {
        super("Refused: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
