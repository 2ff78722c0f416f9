package org.guichet.directory;

import java.util.function.LongSupplier;
import org.guichet.directory.domain.AgentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A portal started on an empty directory lets nobody in, silently: it says so at start-up, in one line, with the two
 * ways on (import the organisation, or try the demo). Not in the demo, which brings its own agents, nor when a
 * command runs instead of the portal.
 */
@Component
@Profile("!demo")
@ConditionalOnWebApplication
class EmptyDirectoryNotice implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(EmptyDirectoryNotice.class);

    private final LongSupplier agents;

    @Autowired
    EmptyDirectoryNotice(AgentRepository agents) {
        this(agents::count);
    }

    /** @param agents how many agents the directory holds */
    EmptyDirectoryNotice(LongSupplier agents) {
        this.agents = agents;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (agents.getAsLong() == 0) {
            LOG.warn("The directory is empty, so nobody can sign in: import the organisation with "
                    + "`java -jar guichet.jar import departments.csv agents.csv` (README, \"The directory and its "
                    + "import\"), or try Guichet with its demo organisation: `java -jar guichet.jar "
                    + "--spring.profiles.active=demo` (never in production).");
        }
    }
}
