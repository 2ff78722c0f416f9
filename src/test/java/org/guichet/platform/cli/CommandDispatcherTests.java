package org.guichet.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.guichet.platform.CommandLine;
import org.junit.jupiter.api.Test;

class CommandDispatcherTests {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    private final CommandLine echo = new CommandLine() {
        @Override
        public String name() {
            return "echo";
        }

        @Override
        public String usage() {
            return "echo <words>";
        }

        @Override
        public String description() {
            return "Prints its words.";
        }

        @Override
        public int run(Arguments arguments, PrintStream out) {
            out.println(String.join(" ", arguments.operands())
                    + arguments.option("suffix").orElse(""));
            return arguments.flag("fail") ? 1 : 0;
        }
    };

    private final CommandDispatcher dispatcher = new CommandDispatcher(List.of(echo));

    @Test
    void dispatchWhenKnownCommandThenRunWithOperandsAndOptions() {
        var exit = dispatcher.dispatch(
                "echo", new CommandLine.Arguments(List.of("a", "b"), Map.of("suffix", List.of("!"))), out);

        assertThat(exit).isZero();
        assertThat(output.toString(StandardCharsets.UTF_8)).isEqualTo("a b!" + System.lineSeparator());
    }

    @Test
    void dispatchWhenUnknownCommandThenUsageAndExitCode2() {
        var exit = dispatcher.dispatch("ecko", new CommandLine.Arguments(List.of(), Map.of()), out);

        assertThat(exit).isEqualTo(2);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("Unknown command: ecko", "echo <words>");
    }

    @Test
    void dispatchWhenHelpThenEveryCommandListed() {
        assertThat(dispatcher.dispatch("help", new CommandLine.Arguments(List.of(), Map.of()), out))
                .isZero();
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("echo <words>", "Prints its words.", "help");
    }

    @Test
    void dispatchWhenCommandThrowsThenMessageAndExitCode1() {
        var failing = new CommandDispatcher(List.of(new CommandLine() {
            @Override
            public String name() {
                return "boom";
            }

            @Override
            public String usage() {
                return "boom";
            }

            @Override
            public String description() {
                return "Fails.";
            }

            @Override
            public int run(Arguments arguments, PrintStream out) {
                throw new IllegalStateException("disk full");
            }
        }));

        assertThat(failing.dispatch("boom", new CommandLine.Arguments(List.of(), Map.of()), out))
                .isEqualTo(1);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("boom failed: disk full");
    }

    @Test
    void isCommandWhenFirstArgumentIsAWordThenTrue() {
        assertThat(CommandLine.isCommand("import", "a.csv")).isTrue();
        assertThat(CommandLine.isCommand("--server.port=9090")).isFalse();
        assertThat(CommandLine.isCommand()).isFalse();
    }
}
