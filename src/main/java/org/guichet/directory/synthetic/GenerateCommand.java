package org.guichet.directory.synthetic;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.guichet.platform.CommandLine;
import org.springframework.stereotype.Component;

/** {@code generate}: writes a synthetic organisation as {@code departments.csv} and {@code agents.csv}. */
@Component
class GenerateCommand implements CommandLine {

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String usage() {
        return "generate [--agents=60000] [--seed=1] [--out=data/synthetic]";
    }

    @Override
    public String description() {
        return "Writes a realistic synthetic organisation (departments.csv, agents.csv) for the import command.";
    }

    @Override
    public int run(Arguments arguments, PrintStream out) throws IOException {
        int agents;
        long seed;
        try {
            agents = Integer.parseInt(arguments.option("agents").orElse("60000"));
            seed = Long.parseLong(arguments.option("seed").orElse("1"));
        } catch (NumberFormatException e) {
            out.println("Usage: " + usage());
            return 2;
        }
        if (agents < 1 || agents > 1_000_000) {
            out.println("--agents must be between 1 and 1000000");
            return 2;
        }
        var directory = Path.of(arguments.option("out").orElse("data/synthetic"));
        var organisation = SyntheticOrganisation.generate(agents, seed);
        Files.createDirectories(directory);
        var departments = directory.resolve("departments.csv");
        var agentsFile = directory.resolve("agents.csv");
        Files.writeString(departments, organisation.departmentsCsv(), StandardCharsets.UTF_8);
        Files.writeString(agentsFile, organisation.agentsCsv(), StandardCharsets.UTF_8);
        out.printf(
                "Wrote %d departments to %s and %d agents to %s%n",
                organisation.departments(), departments, organisation.agents(), agentsFile);
        return 0;
    }
}
