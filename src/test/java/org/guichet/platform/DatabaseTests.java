package org.guichet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.guichet.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The suite runs on the database it was told to use, migrated by Flyway alone. */
@IntegrationTest
class DatabaseTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void databaseWhenTestUrlGivenThenThatDatabase() throws Exception {
        var url = System.getenv("GUICHET_TEST_DB_URL");
        try (var connection = dataSource.getConnection()) {
            var product = connection.getMetaData().getDatabaseProductName();
            if (url != null && url.startsWith("jdbc:postgresql:")) {
                assertThat(product).isEqualTo("PostgreSQL");
            } else {
                assertThat(product).isEqualTo("H2");
            }
        }
    }

    @Test
    void schemaWhenStartedThenEveryMigrationApplied() {
        var failed = jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success")
                .query(Long.class)
                .single();
        var applied = jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL")
                .query(Long.class)
                .single();

        assertThat(failed).isZero();
        assertThat(applied).isGreaterThanOrEqualTo(4);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session")
                        .query(Long.class)
                        .single())
                .isNotNegative();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM event_publication")
                        .query(Long.class)
                        .single())
                .isNotNegative();
    }
}
