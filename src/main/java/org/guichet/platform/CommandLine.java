package org.guichet.platform;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * A command run from the command line ({@code java -jar guichet.jar <name> [operands] [--option=value]}) against the
 * configured database, without the web server. Modules contribute commands as beans.
 */
public interface CommandLine {

    /** The word that selects the command, e.g. {@code import}. */
    String name();

    /** One line: operands and options, e.g. {@code import <file.csv>... [--lang=en]}. */
    String usage();

    /** What the command does, in a sentence. */
    String description();

    /**
     * Runs the command.
     *
     * @return the process exit code: 0 success, 1 failure, 2 bad usage
     */
    int run(Arguments arguments, PrintStream out) throws Exception;

    /** Operands (after the command name) and {@code --name=value} options. */
    record Arguments(List<String> operands, java.util.Map<String, List<String>> options) {

        public Optional<String> option(String name) {
            var values = options.get(name);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getLast());
        }

        public boolean flag(String name) {
            return options.containsKey(name);
        }
    }

    /** Whether these program arguments ask for a command rather than for the web server. */
    static boolean isCommand(String... args) {
        return args.length > 0 && !args[0].startsWith("-");
    }
}
