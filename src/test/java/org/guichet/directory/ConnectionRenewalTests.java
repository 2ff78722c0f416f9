package org.guichet.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Writes keep working once the pool has replaced the connection that ran the migrations, as it does in production
 * every half hour. (H2 2.4.240 lost its check constraints at that moment.)
 */
@ApplicationModuleTest
@ActiveProfiles("test")
class ConnectionRenewalTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    DirectoryManagement directory;

    @Test
    void importWhenEveryPooledConnectionRenewedThenStillWritten() throws Exception {
        var pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
        pool.softEvictConnections();
        var block = TestData.block();

        directory.importDepartments(stream("code;name\n%s;Service\n".formatted(block.department(""))));
        var report = directory.importAgents(stream("soi;first_name;last_name;department;status\n%s;Anne;%s;%s;ACTIVE\n"
                .formatted(block.soi(1), block.name(), block.department(""))));

        assertThat(report.rejected()).isEmpty();
        assertThat(report.created()).isEqualTo(1);
    }

    private static ByteArrayInputStream stream(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }
}
