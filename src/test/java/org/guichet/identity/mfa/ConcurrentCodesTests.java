package org.guichet.identity.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.concurrent.Callable;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.factor.CodeCheck;
import org.guichet.identity.factor.recovery.RecoveryCodes;
import org.guichet.identity.factor.totp.TotpService;
import org.guichet.testing.Agents;
import org.guichet.testing.AtOnce;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.Totp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * One-time codes given at the same moment to several nodes (here, threads with their own connections to the shared
 * database): each is accepted exactly once, whatever its kind (authenticator step, recovery, SMS and enrolment codes).
 * ClusterTests does it over HTTP on two nodes for the authenticator's code.
 */
@IntegrationTest
class ConcurrentCodesTests {

    @Autowired
    Agents agents;

    @Autowired
    TotpService totp;

    @Autowired
    RecoveryCodes recoveryCodes;

    @Autowired
    SmsCodes smsCodes;

    @Autowired
    EnrolmentCodes enrolmentCodes;

    @Autowired
    DirectoryManagement directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    java.time.Clock clock;

    private AgentId agentWithApp() {
        var agent = AgentId.of(agents.create().named("Zoé").build().block().soi(1));
        totp.importKey(agent, Totp.DEMO_KEY, "Téléphone");
        return agent;
    }

    @Test
    void totpWhenTheSameCodeReachesEightNodesAtOnceThenAcceptedOnce() throws Exception {
        var agent = agentWithApp();
        var code = Totp.demo(clock.instant());
        var calls = new ArrayList<Callable<CodeCheck>>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> totp.verify(agent, code));
        }

        var results = AtOnce.call(calls);

        assertThat(results).filteredOn(CodeCheck.Accepted.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(CodeCheck.Replayed.class::isInstance).hasSize(7);
    }

    @Test
    void recoveryCodeWhenUsedFromFourNodesAtOnceThenAcceptedOnce() throws Exception {
        var agent = agentWithApp();
        var code = recoveryCodes.generate(agent).getFirst();
        var calls = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < 4; i++) {
            calls.add(() -> recoveryCodes.use(agent, code).isPresent());
        }

        assertThat(AtOnce.call(calls)).containsOnlyOnce(true);
        assertThat(recoveryCodes.remaining(agent)).isEqualTo(9);
    }

    @Test
    void smsCodeWhenTypedOnFourNodesAtOnceThenAcceptedOnce() throws Exception {
        var person = agents.create().build();
        var number = "+33639980" + person.soi().substring(3);
        var outbox = new org.guichet.testing.Outbox(jdbc);
        var known = outbox.to(number).size();
        assertThat(smsCodes.send(person.id(), SmsCodes.Purpose.SIGN_IN, number, java.util.Locale.FRENCH))
                .isInstanceOf(SmsCodes.Sending.Sent.class);
        var code = outbox.awaitCode(number, known, 6);
        var calls = new ArrayList<Callable<SmsCodes.Check>>();
        for (int i = 0; i < 4; i++) {
            calls.add(() -> smsCodes.verify(person.id(), SmsCodes.Purpose.SIGN_IN, code));
        }

        assertThat(AtOnce.call(calls).stream().map(SmsCodes.Check::result))
                .filteredOn(CodeCheck.Accepted.class::isInstance)
                .hasSize(1);
    }

    @Test
    void enrolmentCodeWhenRedeemedOnFourNodesAtOnceThenAcceptedOnce() throws Exception {
        var person = agents.create().build();
        var issued = enrolmentCodes.issue(person.id(), "1000004");
        var connection = new org.guichet.network.ClientConnection(
                org.guichet.testing.TestData.address(), org.guichet.network.Channel.NOMADIC);
        var calls = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < 4; i++) {
            calls.add(() -> enrolmentCodes.redeem(person.id(), issued.code(), connection));
        }

        assertThat(AtOnce.call(calls)).containsOnlyOnce(true);
    }

    @Test
    void totpKeyWhenStoredThenEncryptedNotInClear() {
        var agent = agentWithApp();

        var stored = jdbc.sql("SELECT secret FROM totp_credential WHERE soi = ?")
                .param(agent.soi())
                .query(String.class)
                .single();

        assertThat(stored).doesNotContain(Totp.DEMO_KEY).matches("k[0-9a-f]{8}:.+");
    }
}
