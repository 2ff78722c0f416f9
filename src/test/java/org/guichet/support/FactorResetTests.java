package org.guichet.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.FactorSummary;
import org.guichet.identity.FactorType;
import org.guichet.identity.IdentityManagement;
import org.guichet.identity.factor.totp.TotpService;
import org.guichet.testing.Agents;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.MockBrowser;
import org.guichet.testing.Outbox;
import org.guichet.testing.Totp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The helpdesk resets an agent's second factors: declared lost, they go at once; otherwise the old ones stay until
 * the agent enrolled a new one, so that nobody is left without a way in. The agent is told by e-mail each time.
 */
@IntegrationTest
class FactorResetTests {

    @Autowired
    Agents agents;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    DirectoryManagement directory;

    @Autowired
    IdentityManagement identity;

    @Autowired
    TotpService totp;

    @Autowired
    Clock clock;

    private AgentId agentWithAnApp(String firstName) {
        var block = agents.create().named(firstName).build().block();
        var agent = AgentId.of(block.soi(1));
        totp.importKey(agent, Totp.DEMO_KEY, "Ancien téléphone");
        return agent;
    }

    private MockBrowser hugo() {
        var hugo = new MockBrowser(mvc, "10.1.2.3");
        hugo.signInWithTotp("hugo.robert", jdbc, clock);
        return hugo;
    }

    private List<String> signInFactors(AgentId agent) {
        return identity.factors(agent).stream()
                .filter(factor -> factor.type() != FactorType.RECOVERY_CODE)
                .map(FactorSummary::name)
                .toList();
    }

    @Test
    void resetWhenDeclaredLostThenEveryFactorGoesAtOnceAndTheAgentIsTold() {
        var agent = agentWithAnApp("Lina");
        var email = directory.findById(agent).orElseThrow().email();
        var outbox = new Outbox(jdbc);
        var known = outbox.to(email).size();
        var hugo = hugo();
        assertThat(hugo.postJson("/api/v1/support/agents/" + agent.soi() + "/factors/reset", "{\"lost\": true}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(signInFactors(agent)).containsExactly("Ancien téléphone");

        var reset = hugo.postJson(
                "/api/v1/support/agents/" + agent.soi() + "/factors/reset",
                "{\"reason\": \"Téléphone volé, plainte déposée\", \"lost\": true}");
        assertThat(reset).hasStatusOk();
        assertThat(reset).bodyJson().extractingPath("$.removed").isEqualTo(1);
        assertThat(signInFactors(agent)).isEmpty();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                outbox.to(email).subList(0, outbox.to(email).size() - known))
                        .anySatisfy(mail -> assertThat(mail).contains("réinitialisé")));
    }

    @Test
    void resetWhenNotLostThenTheOldFactorGoesOnlyOnceANewOneIsEnrolled() throws Exception {
        var agent = agentWithAnApp("Hugo");
        var hugo = hugo();
        var reset = hugo.postJson(
                "/api/v1/support/agents/" + agent.soi() + "/factors/reset",
                "{\"reason\": \"Changement de téléphone\", \"lost\": false}");
        assertThat(reset).hasStatusOk();
        assertThat(reset).bodyJson().extractingPath("$.waitingForNewFactor").isEqualTo(true);
        assertThat(signInFactors(agent)).containsExactly("Ancien téléphone");
        List<String> codes = JsonPath.read(
                hugo.body(hugo.getJson("/api/v1/support/agents/" + agent.soi() + "/diagnosis")), "$[*].code");
        assertThat(codes).contains("FACTOR_RESET_PENDING");

        var profile = directory.findById(agent).orElseThrow();
        var pending = totp.begin();
        var key = totp.manualKey(pending).replace(" ", "");
        assertThat(totp.confirm(profile, pending, Totp.code(key, clock.instant()), "Nouveau téléphone"))
                .isInstanceOf(org.guichet.identity.factor.CodeCheck.Accepted.class);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(signInFactors(agent)).containsExactly("Nouveau téléphone"));
        assertThat(identity.factorResetPending(agent)).isFalse();
    }
}
