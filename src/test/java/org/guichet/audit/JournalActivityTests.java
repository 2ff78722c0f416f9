package org.guichet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.guichet.directory.AgentId;
import org.guichet.identity.FactorAdded;
import org.guichet.identity.FactorType;
import org.guichet.platform.Journaled;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "My activity" is what the events' writers declare ({@link Journaled#inMyActivity()}), kept per type: an agent sees
 * the entries about them of those types only, never someone else's; a type declared otherwise later reads alike for
 * its earlier entries.
 */
@IntegrationTest
class JournalActivityTests {

    @Autowired
    Journal journal;

    @Autowired
    Clock clock;

    @Test
    void activityWhenATypeIsDeclaredForItThenTheAgentSeesItsEntriesAboutThemOnly() {
        var agent = TestData.block().soi(1);
        var other = TestData.block().soi(1);
        var shown = type("Shown");
        var hidden = type("Hidden");

        var seen = record(shown, agent, true);
        record(hidden, agent, false);
        record(shown, other, true);

        assertThat(journal.activity(agent, 50)).extracting(JournalEntry::seq).containsExactly(seen);
    }

    @Test
    void activityWhenATypeIsLaterDeclaredOtherwiseThenItsEarlierEntriesFollow() {
        var agent = TestData.block().soi(1);
        var type = type("Changed");
        record(type, agent, true);
        assertThat(journal.activity(agent, 50)).hasSize(1);

        record(type, agent, false);

        assertThat(journal.activity(agent, 50)).isEmpty();
        record(type, agent, true);
        assertThat(journal.activity(agent, 50))
                .as("all three entries of the type, the one written while it was declared otherwise too")
                .hasSize(3);
    }

    @Test
    void activityWhenTheAgentHasManyEntriesThenTheNewestWithinTheLimit() {
        var agent = TestData.block().soi(1);
        var type = type("Many");
        long last = 0;
        for (int i = 0; i < 5; i++) {
            last = record(type, agent, true);
        }

        assertThat(journal.activity(agent, 3))
                .hasSize(3)
                .first()
                .extracting(JournalEntry::seq)
                .isEqualTo(last);
    }

    @Test
    void eventWhenAboutTheAgentsFactorsThenDeclaredForMyActivityAndTypedByItsClass() {
        var added = new FactorAdded(AgentId.of("1000001"), FactorType.TOTP, "Téléphone", clock.instant());

        assertThat(added.inMyActivity()).isTrue();
        assertThat(Journaled.typeOf(FactorAdded.class)).isEqualTo("FactorAdded");
    }

    private static String type(String what) {
        return "Test" + what + UUID.randomUUID().toString().substring(0, 8);
    }

    private long record(String type, String agent, boolean inMyActivity) {
        return journal.record(
                new NewEntry(clock.instant(), type, agent, agent, null, null, Map.of("test", true), inMyActivity));
    }
}
