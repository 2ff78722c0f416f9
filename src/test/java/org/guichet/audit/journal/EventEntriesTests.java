package org.guichet.audit.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.guichet.approval.ApprovalDecided;
import org.guichet.approval.ApprovalId;
import org.guichet.approval.DelegationGranted;
import org.guichet.directory.AgentId;
import org.guichet.identity.SignInError;
import org.guichet.identity.SignInFailed;
import org.guichet.network.Channel;
import org.guichet.network.ClientConnection;
import org.guichet.payslip.PayslipBatch;
import org.guichet.payslip.PayslipBatchPublished;
import org.guichet.session.SignedIn;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the journal writes of an event, read through its {@code Journaled} methods: about whom, by whom, where from,
 * when, and the rest as details (typed identifiers as their value, the answering components left out).
 */
class EventEntriesTests {

    private static final Instant AT = Instant.parse("2026-12-04T08:30:00Z");
    private static final Instant NOW = Instant.parse("2026-12-04T09:00:00Z");
    private static final AgentId CAMILLE = AgentId.of("1000001");
    private static final AgentId LUCAS = AgentId.of("1000002");
    private static final ClientConnection HOME = new ClientConnection("203.0.113.7", Channel.NOMADIC);

    private final EventEntries entries =
            new EventEntries(JsonMapper.builder().build(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void entryWhenOneFieldChangedThenItsNameIsKeptBesideBeforeAndAfter() {
        var entry = entries.of(new org.guichet.directory.AgentChanged(
                CAMILLE,
                org.guichet.directory.ChangeSource.LDAP,
                java.util.Map.of("roles", new org.guichet.directory.AgentChanged.Change("HR", "SUPPORT"))));

        assertThat(entry.subject()).isEqualTo("1000001");
        assertThat(new java.util.HashMap<String, Object>(entry.details()))
                .containsEntry("source", "LDAP")
                .containsEntry(
                        "changes", java.util.Map.of("roles", java.util.Map.of("before", "HR", "after", "SUPPORT")));
    }

    @Test
    void entryWhenAgentSignsInThenAboutAndByTheAgentFromTheirConnection() {
        var entry = entries.of(new SignedIn(CAMILLE, HOME, "Firefox sur Linux", "s-1", AT));

        assertThat(entry.type()).isEqualTo("SignedIn");
        assertThat(entry.subject()).isEqualTo("1000001");
        assertThat(entry.actor()).isEqualTo("1000001");
        assertThat(entry.address()).isEqualTo("203.0.113.7");
        assertThat(entry.channel()).isEqualTo("NOMADIC");
        assertThat(entry.at()).isEqualTo(AT);
        assertThat(entry.details()).containsOnlyKeys("device", "session");
        assertThat(entry.inMyActivity()).isTrue();
    }

    @Test
    void entryWhenIdentifierUnknownThenAboutNoOneAndStillWhereFrom() {
        var entry = entries.of(new SignInFailed(null, SignInError.BAD_CREDENTIALS, 1, HOME, AT));

        assertThat(entry.subject()).isNull();
        assertThat(entry.actor()).isNull();
        assertThat(entry.address()).isEqualTo("203.0.113.7");
        assertThat(entry.details()).containsOnlyKeys("reason", "failures");
    }

    @Test
    void entryWhenAManagerDecidesThenAboutTheRequesterByTheDeciderWithTheIdAsItsValue() {
        var id = ApprovalId.random();
        var entry =
                entries.of(new ApprovalDecided(id, "leave", "x", CAMILLE, true, LUCAS, null, "Bonnes vacances", AT));

        assertThat(entry.subject()).isEqualTo("1000001");
        assertThat(entry.actor()).isEqualTo("1000002");
        assertThat(entry.address()).isNull();
        assertThat(new java.util.HashMap<String, Object>(entry.details()))
                .containsEntry("id", id.value().toString())
                .containsEntry("approved", true)
                .containsEntry("comment", "Bonnes vacances")
                .doesNotContainKeys("requester", "decidedBy", "at");
    }

    @Test
    void entryWhenDoneByHrForNoOneInParticularThenByHrAboutNoOne() {
        var entry = entries.of(
                new PayslipBatchPublished(UUID.randomUUID(), PayslipBatch.Kind.ZIP, "2026-11.zip", 12, LUCAS, AT));

        assertThat(entry.subject()).isNull();
        assertThat(entry.actor()).isEqualTo("1000002");
        assertThat(entry.details()).containsOnlyKeys("batch", "kind", "fileName", "payslips");
    }

    @Test
    void entryWhenTheEventAnswersNothingThenEverythingIsDetailsAtTheJournalsTime() {
        var entry = entries.of(
                new DelegationGranted(CAMILLE, LUCAS, LocalDate.parse("2026-12-07"), LocalDate.parse("2026-12-18")));

        assertThat(entry.subject()).isNull();
        assertThat(entry.actor()).isNull();
        assertThat(entry.at()).isEqualTo(NOW);
        assertThat(new java.util.HashMap<String, Object>(entry.details()))
                .containsEntry("delegator", "1000001")
                .containsEntry("delegate", "1000002")
                .containsKeys("startsOn", "endsOn");
    }
}
