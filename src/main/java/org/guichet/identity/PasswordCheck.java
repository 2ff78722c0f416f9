package org.guichet.identity;

import java.util.List;

/**
 * What the policy thinks of a candidate password.
 *
 * @param score 0 (very weak) to 4 (very strong), for the strength meter
 * @param problems why it is refused; empty when acceptable
 * @param hints the estimator's advice, in the agent's language
 */
public record PasswordCheck(int score, List<PasswordProblem> problems, List<String> hints) {

    public PasswordCheck {
        problems = List.copyOf(problems);
        hints = List.copyOf(hints);
    }

    public boolean acceptable() {
        return problems.isEmpty();
    }
}
