package org.guichet.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class EmptyDirectoryNoticeTests {

    @Test
    void startWhenTheDirectoryIsEmptyThenOneLineSaysHowToImportOrTryTheDemo(CapturedOutput output) {
        new EmptyDirectoryNotice(() -> 0).run(new DefaultApplicationArguments());

        assertThat(output.getAll().lines().filter(line -> line.contains("The directory is empty")))
                .singleElement()
                .asString()
                .contains("import departments.csv agents.csv", "--spring.profiles.active=demo");
    }

    @Test
    void startWhenTheDirectoryHasAgentsThenNothingSaid(CapturedOutput output) {
        new EmptyDirectoryNotice(() -> 3).run(new DefaultApplicationArguments());

        assertThat(output.getAll()).doesNotContain("The directory is empty");
    }
}
