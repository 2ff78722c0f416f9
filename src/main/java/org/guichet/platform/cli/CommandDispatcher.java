package org.guichet.platform.cli;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.guichet.platform.CommandLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/** Runs the command named by the first program argument, after every other start-up runner. */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class CommandDispatcher implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(CommandDispatcher.class);

    private final List<CommandLine> commands;
    private int exitCode;

    CommandDispatcher(List<CommandLine> commands) {
        Assert.notNull(commands, "commands must not be null");
        this.commands = commands.stream()
                .sorted(Comparator.comparing(CommandLine::name))
                .toList();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!CommandLine.isCommand(args.getSourceArgs())) {
            return;
        }
        var name = args.getNonOptionArgs().getFirst();
        var operands =
                args.getNonOptionArgs().subList(1, args.getNonOptionArgs().size());
        var options = new HashMap<String, List<String>>();
        args.getOptionNames().forEach(option -> options.put(option, args.getOptionValues(option)));
        exitCode = dispatch(name, new CommandLine.Arguments(List.copyOf(operands), Map.copyOf(options)), System.out);
    }

    int dispatch(String name, CommandLine.Arguments arguments, PrintStream out) {
        if (name.equals("help")) {
            printHelp(out);
            return 0;
        }
        var command = commands.stream().filter(it -> it.name().equals(name)).findFirst();
        if (command.isEmpty()) {
            out.println("Unknown command: " + name);
            printHelp(out);
            return 2;
        }
        try {
            return command.get().run(arguments, out);
        } catch (Exception e) {
            LOG.debug("Command {} failed", name, e);
            out.println(name + " failed: " + e.getMessage());
            return 1;
        }
    }

    private void printHelp(PrintStream out) {
        out.println("Usage: java -jar guichet.jar <command> [arguments]");
        out.println("Without a command, Guichet serves the portal.");
        out.println();
        for (var command : commands) {
            out.println("  " + command.usage());
            out.println("      " + command.description());
        }
        out.println("  help");
        out.println("      Lists the commands.");
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
