package org.guichet.identity.demo;

import java.util.List;
import org.guichet.identity.password.PasswordCredentialRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: gives every demo account the documented password, hashed like any other, once. Jules Garcia is
 * a new agent: he must choose his own password at his first sign-in.
 */
@Component
@Profile("demo")
@Order(200)
class DemoCredentials implements ApplicationRunner {

    static final String DEMO_PASSWORD = "Guichet-demo-2026";
    static final List<String> DEMO_AGENTS = List.of(
            "1000001", "1000002", "1000003", "1000004", "1000005", "1000006", "1000007", "1000008", "1000009",
            "1000010");
    static final String FIRST_SIGN_IN_PENDING = "1000009";

    private static final Logger LOG = LoggerFactory.getLogger(DemoCredentials.class);

    private final PasswordCredentialRepository passwords;
    private final PasswordEncoder encoder;

    DemoCredentials(PasswordCredentialRepository passwords, PasswordEncoder encoder) {
        this.passwords = passwords;
        this.encoder = encoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        var created = DEMO_AGENTS.stream()
                .filter(soi -> passwords.find(soi).isEmpty())
                .filter(soi ->
                        passwords.createIfAbsent(soi, encoder.encode(DEMO_PASSWORD), soi.equals(FIRST_SIGN_IN_PENDING)))
                .count();
        if (created > 0) {
            LOG.info("Demo passwords set for {} accounts", created);
        }
    }
}
