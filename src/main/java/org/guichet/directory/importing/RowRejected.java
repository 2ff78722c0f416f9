package org.guichet.directory.importing;

import java.util.List;
import org.guichet.directory.ImportProblem;

/** Stops reading a row at its first problem. A control-flow signal: it carries no stack trace. */
final class RowRejected extends RuntimeException {

    private final ImportProblem problem;
    private final List<String> arguments;

    RowRejected(ImportProblem problem, Object... arguments) {
        super(problem.name(), null, false, false);
        this.problem = problem;
        this.arguments = java.util.Arrays.stream(arguments).map(String::valueOf).toList();
    }

    ImportProblem problem() {
        return problem;
    }

    List<String> arguments() {
        return arguments;
    }
}
