package org.guichet.directory.demo;

import java.io.InputStream;
import java.util.Objects;
import org.guichet.directory.DirectoryManagement;
import org.guichet.directory.ImportReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: loads the demo organisation through the same CSV import operators use, at every start. The
 * import is idempotent, so a second start changes nothing; a row it refuses stops the start-up.
 */
@Component
@Profile("demo")
@Order(100)
class DemoOrganisation implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoOrganisation.class);

    private final DirectoryManagement directory;

    DemoOrganisation(DirectoryManagement directory) {
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        check(directory.importDepartments(resource("departments.csv")));
        var agents = check(directory.importAgents(resource("agents.csv")));
        if (agents.created() > 0) {
            LOG.info("Demo organisation loaded: {} agents", agents.created());
        }
    }

    private static ImportReport check(ImportReport report) {
        if (!report.rejected().isEmpty()) {
            throw new IllegalStateException("The demo organisation is invalid: " + report.rejected());
        }
        return report;
    }

    private static InputStream resource(String name) {
        return Objects.requireNonNull(DemoOrganisation.class.getResourceAsStream(name), name);
    }
}
