package org.guichet.identity.demo;

import java.util.List;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.factor.sms.SmsFactors;
import org.guichet.identity.factor.totp.TotpService;
import org.guichet.identity.password.PasswordCredentialRepository;
import org.guichet.identity.password.VerifiedMobiles;
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
 * a new agent: he must choose his own password at his first sign-in. Léa Simon's mobile is verified, so reset codes
 * reach her by SMS (in the outbox), and so do her sign-in codes: SMS is her second factor. The accounts marked TOTP
 * in the README have an authenticator app with the documented key.
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
    static final String VERIFIED_MOBILE_AGENT = "1000008";
    static final List<String> TOTP_AGENTS = List.of("1000001", "1000002", "1000003", "1000004", "1000005", "1000006");
    static final String DEMO_TOTP_KEY = "JBSWY3DPEHPK3PXP";

    private static final Logger LOG = LoggerFactory.getLogger(DemoCredentials.class);

    private final PasswordCredentialRepository passwords;
    private final PasswordEncoder encoder;
    private final VerifiedMobiles mobiles;
    private final DirectoryManagement directory;
    private final TotpService totp;
    private final SmsFactors smsFactors;

    DemoCredentials(
            PasswordCredentialRepository passwords,
            PasswordEncoder encoder,
            VerifiedMobiles mobiles,
            DirectoryManagement directory,
            TotpService totp,
            SmsFactors smsFactors) {
        this.passwords = passwords;
        this.encoder = encoder;
        this.mobiles = mobiles;
        this.directory = directory;
        this.totp = totp;
        this.smsFactors = smsFactors;
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
        directory
                .findById(AgentId.of(VERIFIED_MOBILE_AGENT))
                .filter(agent -> agent.mobile() != null)
                .filter(agent -> mobiles.of(agent).isEmpty())
                .ifPresent(agent -> mobiles.verified(agent.id().soi(), agent.mobile()));
        var apps = TOTP_AGENTS.stream()
                .filter(soi -> totp.importKey(AgentId.of(soi), DEMO_TOTP_KEY, "Démo"))
                .count();
        if (apps > 0) {
            LOG.info("Demo authenticator apps set for {} accounts", apps);
        }
        directory
                .findById(AgentId.of(VERIFIED_MOBILE_AGENT))
                .filter(agent -> mobiles.of(agent).isPresent())
                .ifPresent(agent -> smsFactors.add(agent, "SMS"));
    }
}
