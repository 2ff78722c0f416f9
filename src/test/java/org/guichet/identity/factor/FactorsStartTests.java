package org.guichet.identity.factor;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.guichet.directory.AgentProfile;
import org.guichet.identity.FactorType;
import org.junit.jupiter.api.Test;

/** Every kind of factor has exactly one provider, or Guichet does not start. */
class FactorsStartTests {

    private static FactorProvider provider(FactorType type) {
        return new FactorProvider() {
            @Override
            public FactorType type() {
                return type;
            }

            @Override
            public List<Factor> list(AgentProfile agent) {
                return List.of();
            }

            @Override
            public void rename(AgentProfile agent, Factor factor, String name) {}

            @Override
            public void remove(AgentProfile agent, Factor factor) {}
        };
    }

    @Test
    void startWhenAKindHasNoProviderThenRefusedNamingIt() {
        var allButSms = Arrays.stream(FactorType.values())
                .filter(type -> type != FactorType.SMS)
                .map(FactorsStartTests::provider)
                .toList();

        assertThatIllegalStateException()
                .isThrownBy(() -> new Factors(allButSms, null, event -> {}, Clock.systemUTC()))
                .withMessageContaining("SMS");
    }

    @Test
    void startWhenAKindHasTwoProvidersThenRefused() {
        var twice = new java.util.ArrayList<FactorProvider>(Arrays.stream(FactorType.values())
                .map(FactorsStartTests::provider)
                .toList());
        twice.add(provider(FactorType.TOTP));

        assertThatIllegalStateException()
                .isThrownBy(() -> new Factors(twice, null, event -> {}, Clock.systemUTC()))
                .withMessageContaining("TOTP");
    }
}
