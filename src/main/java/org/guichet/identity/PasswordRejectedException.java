package org.guichet.identity;

import java.util.List;
import org.guichet.platform.GuichetException;

/** A new password the policy refuses, with every reason. */
public class PasswordRejectedException extends GuichetException {

    private final List<PasswordProblem> problems;

    public PasswordRejectedException(List<PasswordProblem> problems) {
        super(IdentityError.PASSWORD_REJECTED);
        this.problems = List.copyOf(problems);
        getBody().setProperty("problems", this.problems);
    }

    public List<PasswordProblem> problems() {
        return problems;
    }
}
