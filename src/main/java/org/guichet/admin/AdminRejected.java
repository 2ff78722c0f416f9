package org.guichet.admin;

import java.util.List;

/** A change the administration refused, with every problem next to the field it concerns. */
public class AdminRejected extends RuntimeException {

    /** One problem: the form field, the message key, its arguments. */
    public record Problem(String field, String key, List<String> arguments) {}

    private final List<Problem> problems;

    public AdminRejected(List<Problem> problems) {
        super("Refused: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
