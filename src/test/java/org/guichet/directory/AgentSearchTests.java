package org.guichet.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The helpdesk finds an agent however the name is typed: without the accents, in capitals, last name first. Runs on
 * H2, and on PostgreSQL when the tests do ({@code GUICHET_TEST_DB_URL}): the folding is done in SQL on both.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
class AgentSearchTests {

    @Autowired
    DirectoryManagement directory;

    private static ByteArrayInputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void searchWhenTypedWithoutAccentsOrInCapitalsThenTheAgentIsFound() {
        var block = TestData.block();
        var department = block.department("");
        directory.importDepartments(csv("code;name\n%s;Service d’essai\n".formatted(department)));
        var lastName = "Lefèvre-Cœur" + block.name();
        directory.importAgents(csv("soi;first_name;last_name;department\n%s;Éloïse;%s;%s\n%s;Eloi;Martin%s;%s\n"
                .formatted(block.soi(1), lastName, department, block.soi(2), block.name(), department)));
        var unique = block.name().toLowerCase(java.util.Locale.ROOT);

        for (var typed : new String[] {
            "eloise lefevre-coeur" + unique,
            "ÉLOÏSE LEFÈVRE-CŒUR" + unique.toUpperCase(java.util.Locale.ROOT),
            "ELOISE LEFEVRE",
            "lefevre-coeur" + unique + " eloise",
            "Lefèvre-Cœur" + block.name(),
            "coeur" + unique
        }) {
            assertThat(directory.search(typed, 20))
                    .as(typed)
                    .extracting(agent -> agent.id().soi())
                    .contains(block.soi(1))
                    .doesNotContain(block.soi(2));
        }
        // accents typed where the name has none still match
        assertThat(directory.search("Éloi Martin" + unique, 20))
                .extracting(agent -> agent.id().soi())
                .containsExactly(block.soi(2));
        // a pattern character is a character, not a wildcard
        assertThat(directory.search("lefevre_coeur" + unique, 20)).isEmpty();
        assertThat(directory.search("%" + unique, 20)).isEmpty();
    }
}
