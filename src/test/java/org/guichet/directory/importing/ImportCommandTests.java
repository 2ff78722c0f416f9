package org.guichet.directory.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.guichet.platform.CommandLine;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

@ApplicationModuleTest
@ActiveProfiles("test")
class ImportCommandTests {

    @Autowired
    ImportCommand command;

    @TempDir
    Path directory;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private int run(String lang, Path... files) throws Exception {
        var operands = java.util.Arrays.stream(files).map(Path::toString).toList();
        return command.run(new CommandLine.Arguments(operands, Map.of("lang", List.of(lang))), out);
    }

    @Test
    void runWhenAgentsGivenBeforeDepartmentsThenDepartmentsImportedFirst() throws Exception {
        var block = TestData.block();
        var agents = Files.writeString(
                directory.resolve("agents.csv"),
                "soi;first_name;last_name;department\n%s;Anne;%s;%s\n"
                        .formatted(block.soi(1), block.name(), block.department("")));
        var departments = Files.writeString(
                directory.resolve("departments.csv"), "code;name\n%s;Service\n".formatted(block.department("")));

        assertThat(run("fr", agents, departments)).isZero();
        assertThat(printed())
                .contains("departments.csv\u202f: 1 lignes, 1 créées")
                .contains("agents.csv\u202f: 1 lignes, 1 créées, 0 mises à jour, 0 inchangées, 0 refusées");
    }

    @Test
    void runWhenSomeRowsRefusedThenEachPrintedAndExitCode3() throws Exception {
        var block = TestData.block();
        Files.writeString(directory.resolve("d.csv"), "code;name\n%s;Service\n".formatted(block.department("")));
        var agents = Files.writeString(
                directory.resolve("agents.csv"),
                "soi;first_name;last_name;department\n%s;Anne;%s;%s\n42;Bad;%s;%s\n"
                        .formatted(
                                block.soi(1), block.name(), block.department(""), block.name(), block.department("")));

        assertThat(run("en", directory.resolve("d.csv"), agents)).isEqualTo(ImportCommand.ROWS_REFUSED);
        assertThat(printed()).contains("1 refused", "line 3 (42): \"42\" is not a staff number (7 digits)");
    }

    @Test
    void runWhenFileNotUtf8ThenExplainedAndExitCode1() throws Exception {
        var latin1 = directory.resolve("agents.csv");
        Files.write(
                latin1,
                "soi;first_name;last_name;department\n1234567;Hélène;X;Y\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(run("fr", latin1)).isEqualTo(1);
        assertThat(printed()).contains("n’est pas encodé en UTF-8", "ligne 2");
    }

    @Test
    void runWhenFileMissingOrUnrecognisedThenExitCode1() throws Exception {
        assertThat(run("en", directory.resolve("missing.csv"))).isEqualTo(1);
        var other = Files.writeString(directory.resolve("other.csv"), "colour;size\nred;L\n");
        assertThat(run("en", other)).isEqualTo(1);
        assertThat(printed()).contains("Cannot read file", "Unrecognised file");
    }

    @Test
    void runWhenNoFileThenUsageAndExitCode2() throws Exception {
        assertThat(run("en")).isEqualTo(2);
        assertThat(printed()).contains("Usage: import");
    }
}
