package org.guichet.session.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.guichet.directory.AgentChanged;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentStatus;
import org.guichet.directory.ChangeSource;
import org.guichet.directory.Role;
import org.guichet.identity.FactorAdded;
import org.guichet.identity.FactorType;
import org.guichet.session.SessionSettings;
import org.guichet.testing.Profiles;
import org.junit.jupiter.api.Test;

/** What a node keeps of the agents {@code GET /api/v1/me} answers about, and what makes it read them again. */
class SignedInAgentsTests {

    private static final AgentId AGENT = AgentId.of("1234567");

    private final List<AgentId> reads = new ArrayList<>();
    private Runnable duringRead = () -> {};

    private final SignedInAgents agents = new SignedInAgents(this::read, settings(Duration.ofMinutes(1)));

    private Optional<SignedInAgents.SignedInAgent> read(AgentId id) {
        reads.add(id);
        duringRead.run();
        return Optional.of(new SignedInAgents.SignedInAgent(
                Profiles.agent("Camille", "Martin", AgentStatus.ACTIVE, Set.of(Role.AGENT)), Set.of()));
    }

    private static SessionSettings settings(Duration agentCache) {
        return new SessionSettings(
                Duration.ofHours(10), Duration.ofMinutes(2), List.of("127.0.0.1/32"), "", agentCache, 100);
    }

    @Test
    void findWhenAskedAgainThenReadOnce() {
        agents.find(AGENT);
        agents.find(AGENT);

        assertThat(reads).containsExactly(AGENT);
    }

    @Test
    void findWhenAFactorOfTheAgentChangedThenReadAgain() {
        agents.find(AGENT);

        agents.forget(new FactorAdded(AGENT, FactorType.TOTP, "Téléphone", Instant.EPOCH));
        agents.find(AGENT);

        assertThat(reads).containsExactly(AGENT, AGENT);
    }

    @Test
    void findWhenTheDirectoryChangedAnotherAgentThenEveryoneReadAgain() {
        agents.find(AGENT);

        agents.forgetEveryone(new AgentChanged(AgentId.of("7654321"), ChangeSource.IMPORT, Map.of()));
        agents.find(AGENT);

        assertThat(reads).containsExactly(AGENT, AGENT);
    }

    @Test
    void findWhenAChangeIsCommittedDuringTheReadThenWhatWasReadIsNotKept() {
        duringRead = () -> {
            duringRead = () -> {};
            agents.forget(new FactorAdded(AGENT, FactorType.TOTP, "Téléphone", Instant.EPOCH));
        };

        agents.find(AGENT);
        agents.find(AGENT);
        agents.find(AGENT);

        assertThat(reads).containsExactly(AGENT, AGENT);
    }

    @Test
    void findWhenTheCacheIsOffThenReadEveryTime() {
        var uncached = new SignedInAgents(this::read, settings(Duration.ZERO));

        uncached.find(AGENT);
        uncached.find(AGENT);

        assertThat(reads).containsExactly(AGENT, AGENT);
    }
}
