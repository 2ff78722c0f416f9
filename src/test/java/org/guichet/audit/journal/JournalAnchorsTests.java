package org.guichet.audit.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Clock;
import javax.sql.DataSource;
import org.guichet.audit.Journal;
import org.guichet.testing.Demo;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.MockBrowser;
import org.guichet.testing.OwnDatabase;
import org.guichet.testing.TestJournal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The chain's head anchored outside the database: the signed line goes to the anchor file and the journal, and a line
 * kept from before says whether the journal still holds what it anchored. The verification alone cannot see a chain
 * that someone with the database in hand rebuilt (every hash recomputed from a changed entry on): a kept anchor can.
 * On a database of its own, since it rewrites the journal as such a tamperer would.
 */
@IntegrationTest
@OwnDatabase
class JournalAnchorsTests {

    private static final java.nio.file.Path FILE = createFile();

    private static java.nio.file.Path createFile() {
        try {
            return Files.createTempDirectory("guichet-anchors").resolve("journal-anchors.txt");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void anchorFile(DynamicPropertyRegistry properties) {
        properties.add("guichet.audit.anchor-file", FILE::toString);
    }

    @Autowired
    JournalAnchors anchors;

    @Autowired
    Journal journal;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Clock clock;

    @Autowired
    MockMvcTester mvc;

    private long record(String what) throws Exception {
        return new TestJournal(journal, jdbc, clock, dataSource).record(what);
    }

    @Test
    void anchorWhenKeptThenItMatchesUntilTheChainIsRebuiltFromAnEarlierEntry() throws Exception {
        var changed = record("the entry a tamperer will change");
        record("after it");
        var line = anchors.anchor();

        assertThat(Files.readAllLines(FILE)).contains(line);
        assertThat(line).matches("guichet-journal-anchor v1 at=\\S+ seq=\\d+ hash=[0-9a-f]{64} mac=[0-9a-f]{64}");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM journal_entry WHERE type = 'JournalAnchored' AND details LIKE ?")
                        .param("%" + line.substring(line.indexOf("seq=")) + "%")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(anchors.check(line)).isEqualTo(JournalAnchors.Check.MATCHES);
        assertThat(anchors.check(line.replaceFirst("seq=\\d+", "seq=1"))).isEqualTo(JournalAnchors.Check.NOT_SIGNED);
        assertThat(anchors.check("not an anchor")).isEqualTo(JournalAnchors.Check.NOT_SIGNED);

        rebuildFrom(changed);

        assertThat(journal.verify().valid()).as("a rebuilt chain verifies").isTrue();
        assertThat(anchors.check(line)).as("but not against the anchor kept").isEqualTo(JournalAnchors.Check.DIFFERS);
    }

    @Test
    void checkWhenAskedOverTheApiThenASecurityOfficerGetsTheAnswerAndNobodyElse() {
        var line = anchors.anchor();
        var sarah = MockBrowser.fromVpn(mvc);
        sarah.signInWithTotp("sarah.durand", jdbc, clock);
        var camille = new MockBrowser(mvc);
        camille.signIn(Demo.CAMILLE, Demo.PASSWORD);
        var body = "{\"line\":\"" + line + "\"}";

        assertThat(sarah.body(sarah.postJson("/api/v1/audit/anchors/check", body)))
                .contains("\"result\":\"MATCHES\"");
        assertThat(sarah.body(sarah.postJson("/api/v1/audit/anchors/check", "{\"line\":\"forged\"}")))
                .contains("\"result\":\"NOT_SIGNED\"");
        assertThat(sarah.body(sarah.postJson("/api/v1/audit/anchors", null))).contains("guichet-journal-anchor v1");
        assertThat(camille.postJson("/api/v1/audit/anchors/check", body)).hasStatus(403);
        assertThat(camille.postJson("/api/v1/audit/anchors", null)).hasStatus(403);
    }

    /** What someone with the database in hand could do: change an entry, then recompute every hash from it on. */
    private void rebuildFrom(long seq) throws Exception {
        new TestJournal(journal, jdbc, clock, dataSource).tampering(() -> {
            var previous = jdbc.sql("SELECT hash FROM journal_entry WHERE seq = ?")
                    .param(seq - 1)
                    .query(String.class)
                    .optional()
                    .orElse(Chain.GENESIS);
            jdbc.sql("UPDATE journal_entry SET details = ? WHERE seq = ?")
                    .params("{\"what\":\"nothing happened\"}", seq)
                    .update();
            var entries = jdbc.sql("SELECT seq, at, type, actor, subject, address, channel, details FROM journal_entry"
                            + " WHERE seq >= ? ORDER BY seq")
                    .param(seq)
                    .query((row, n) -> new Object[] {
                        row.getLong(1),
                        row.getTimestamp(2).toInstant(),
                        row.getString(3),
                        row.getString(4),
                        row.getString(5),
                        row.getString(6),
                        row.getString(7),
                        row.getString(8)
                    })
                    .list();
            for (var entry : entries) {
                var hash = Chain.hash(
                        previous,
                        (Long) entry[0],
                        (java.time.Instant) entry[1],
                        (String) entry[2],
                        (String) entry[3],
                        (String) entry[4],
                        (String) entry[5],
                        (String) entry[6],
                        (String) entry[7]);
                jdbc.sql("UPDATE journal_entry SET prev_hash = ?, hash = ? WHERE seq = ?")
                        .params(previous, hash, entry[0])
                        .update();
                previous = hash;
            }
            jdbc.sql("UPDATE journal_head SET last_hash = ? WHERE id = 1")
                    .param(previous)
                    .update();
        });
    }
}
