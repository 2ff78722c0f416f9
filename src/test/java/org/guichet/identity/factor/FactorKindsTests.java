package org.guichet.identity.factor;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.FactorType;
import org.guichet.identity.factor.recovery.RecoveryCodes;
import org.guichet.testing.Agents;
import org.guichet.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The kinds an agent can use, read in one statement ({@link Factors#usable}), are what the list of every factor
 * says ({@link Factors#list}), in each state a kind can be in: none, held and usable, held but not usable.
 */
@IntegrationTest
class FactorKindsTests {

    @Autowired
    Agents agents;

    @Autowired
    Factors factors;

    @Autowired
    RecoveryCodes recoveryCodes;

    @Autowired
    DirectoryManagement directory;

    @Autowired
    JdbcClient jdbc;

    private AgentProfile profile(Agents.TestAgent agent) {
        return directory.findById(agent.id()).orElseThrow();
    }

    /** Asserts the kinds, and that the list of factors says the same. */
    private void assertUsable(Agents.TestAgent agent, Set<FactorType> expected) {
        var profile = profile(agent);
        var listed = EnumSet.noneOf(FactorType.class);
        factors.list(profile).stream().filter(Factor::usable).map(Factor::type).forEach(listed::add);

        assertThat(factors.usable(profile)).as("in one statement").isEqualTo(expected);
        assertThat(listed).as("from the list").isEqualTo(expected);
        assertThat(factors.hasSecondFactor(profile))
                .isEqualTo(factors.list(profile).stream().anyMatch(FactorPolicy::signsIn))
                .isEqualTo(expected.stream().anyMatch(FactorType::signsIn));
    }

    private void addPasskey(AgentId agent, boolean withCredential) {
        var user = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO user_entities (id, name, display_name) VALUES (?, ?, ?)")
                .params(user, agent.soi(), "Essai")
                .update();
        if (withCredential) {
            var now = Timestamp.from(java.time.Instant.parse("2026-12-01T08:00:00Z"));
            jdbc.sql("""
                            INSERT INTO user_credentials (credential_id, user_entity_user_id, public_key, signature_count,
                                uv_initialized, backup_eligible, authenticator_transports, public_key_credential_type,
                                backup_state, created, last_used, label)
                            VALUES (?, ?, ?, 0, TRUE, FALSE, 'internal', 'public-key', FALSE, ?, ?, 'Ordinateur')""")
                    .params(UUID.randomUUID().toString(), user, new byte[] {1, 2, 3}, now, now)
                    .update();
        }
    }

    @Test
    void usableWhenNoFactorThenNone() {
        assertUsable(agents.create().build(), Set.of());
    }

    @Test
    void usableWhenAnAppThenTotp() {
        assertUsable(agents.create().withTotp().build(), Set.of(FactorType.TOTP));
    }

    @Test
    void usableWhenSmsAndTheNumberVerifiedThenSms() {
        assertUsable(agents.create().withSms().build(), Set.of(FactorType.SMS));
    }

    @Test
    void usableWhenSmsButTheNumberNoLongerVerifiedThenNone() {
        var agent = agents.create().withSms().build();
        jdbc.sql("DELETE FROM mobile_verification WHERE soi = ?")
                .param(agent.soi())
                .update();

        assertUsable(agent, Set.of());
    }

    @Test
    void usableWhenRecoveryCodesThenUntilTheLastIsUsed() {
        var agent = agents.create().withTotp().build();
        recoveryCodes.generate(agent.id());
        assertUsable(agent, Set.of(FactorType.TOTP, FactorType.RECOVERY_CODE));

        jdbc.sql("UPDATE recovery_code SET used_at = CURRENT_TIMESTAMP WHERE soi = ?")
                .param(agent.soi())
                .update();
        assertUsable(agent, Set.of(FactorType.TOTP));
    }

    @Test
    void usableWhenAPasskeyThenPasskeyAndNotForAUserEntityAlone() {
        var entityOnly = agents.create().build();
        addPasskey(entityOnly.id(), false);
        assertUsable(entityOnly, Set.of());

        var agent = agents.create().withSms().build();
        addPasskey(agent.id(), true);
        assertUsable(agent, Set.of(FactorType.PASSKEY, FactorType.SMS));
    }
}
