package org.guichet.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.guichet.directory.synthetic.SyntheticOrganisation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A generated organisation imports cleanly, twice. Its speed is measured by the benchmark, not asserted here. On a
 * database of its own: run before any test with the demo, its 3,000 agents would take the demo's logins (claire.dubois
 * and others are among the generated names) and every later context would refuse the demo organisation.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
@org.springframework.test.context.ContextConfiguration(initializers = SyntheticImportTests.SyntheticDatabase.class)
class SyntheticImportTests {

    /** The generated organisation's own database. */
    public static final class SyntheticDatabase extends org.guichet.testing.OwnDatabase.Initializer {

        public SyntheticDatabase() {
            super("synthetic_database");
        }
    }

    @Autowired
    DirectoryManagement directory;

    @Autowired
    JdbcClient jdbc;

    @Test
    void importWhenGeneratedOrganisationThenEveryRowTakenAndSecondRunChangesNothing() {
        var organisation = SyntheticOrganisation.generate(3_000, 11);

        var departments = directory.importDepartments(stream(organisation.departmentsCsv()));
        var agents = directory.importAgents(stream(organisation.agentsCsv()));

        assertThat(departments.rejected()).isEmpty();
        assertThat(agents.rejected()).isEmpty();
        assertThat(agents.created() + agents.updated() + agents.unchanged()).isEqualTo(3_000);
        var again = directory.importAgents(stream(organisation.agentsCsv()));
        assertThat(again.unchanged()).isEqualTo(3_000);
        var suffixed = jdbc.sql(
                        "SELECT COUNT(*) FROM agent WHERE soi BETWEEN '2000001' AND '2003000' AND login LIKE '%2'")
                .query(Long.class)
                .single();
        assertThat(suffixed).as("homonyms get a numeric suffix").isPositive();
    }

    private static ByteArrayInputStream stream(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }
}
