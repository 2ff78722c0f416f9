package org.guichet.audit.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.guichet.audit.AuditSettings;
import org.guichet.audit.NewEntry;
import org.guichet.platform.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The chain's head anchored outside the database, once a day: a line with the last entry's number and hash, signed
 * (HMAC-SHA256 with a key of Guichet's own), written to the log (which operators ship elsewhere), to the journal, and
 * appended to {@code guichet.audit.anchor-file} when set, for the security officer to keep. The verification proves
 * the chain unbroken; an anchor kept outside proves it was not rebuilt: someone able to rewrite the database could
 * recompute every hash from a changed entry on, but not the lines already kept elsewhere. {@link #check} says whether
 * a kept line still matches the journal.
 */
@Service
public class JournalAnchors {

    /** The result of checking a kept anchor against the journal. */
    public enum Check {
        /** The entry it names is there, with the same hash: nothing before it was changed. */
        MATCHES,
        /** The entry it names has another hash: the chain was rebuilt. */
        DIFFERS,
        /** No entry of that number: the chain was cut short, or the line comes from another journal. */
        MISSING,
        /** The entry was removed by the retention purge since (nothing left to compare). */
        PURGED,
        /** Not a line this journal signed (changed, or not an anchor). */
        NOT_SIGNED
    }

    static final String KEY = "journal-anchor";
    private static final Logger LOG = LoggerFactory.getLogger("org.guichet.audit.anchor");
    private static final Pattern LINE = Pattern.compile(
            "^(guichet-journal-anchor v1 at=(\\S+) seq=(\\d+) hash=([0-9a-f]{64})) mac=([0-9a-f]{64})$");

    private final JournalStore store;
    private final JournalWriter writer;
    private final Secrets secrets;
    private final AuditSettings settings;
    private final Clock clock;

    JournalAnchors(JournalStore store, JournalWriter writer, Secrets secrets, AuditSettings settings, Clock clock) {
        this.store = store;
        this.writer = writer;
        this.secrets = secrets;
        this.settings = settings;
        this.clock = clock;
    }

    /** Each night, by one node. */
    @Scheduled(cron = "0 5 0 * * *", zone = "Europe/Paris")
    @SchedulerLock(name = "journal-anchor", lockAtLeastFor = "PT1H", lockAtMostFor = "PT2H")
    void anchorNightly() {
        anchor();
    }

    /** Anchors the head now: the signed line, logged, journaled and appended to the anchor file. */
    public String anchor() {
        var head = store.head();
        var now = clock.instant();
        var signed = "guichet-journal-anchor v1 at=" + now + " seq=" + head.lastSeq() + " hash=" + head.lastHash();
        var line = signed + " mac=" + mac(signed);
        LOG.info(line);
        writer.append(new NewEntry(
                now,
                "JournalAnchored",
                null,
                null,
                null,
                null,
                Map.of("seq", head.lastSeq(), "hash", head.lastHash(), "line", line),
                false));
        var file = settings.anchorFile();
        if (file != null) {
            try {
                Files.writeString(
                        file,
                        line + System.lineSeparator(),
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                LOG.error(
                        "Journal anchor not written to {} ({}): it is in the log and the journal", file, e.toString());
            }
        }
        return line;
    }

    /** Whether a line kept from an earlier anchor still matches the journal. */
    public Check check(String line) {
        var parsed = LINE.matcher(line.strip());
        if (!parsed.matches()
                || !MessageDigest.isEqual(
                        mac(parsed.group(1)).getBytes(StandardCharsets.US_ASCII),
                        parsed.group(5).getBytes(StandardCharsets.US_ASCII))) {
            return Check.NOT_SIGNED;
        }
        var seq = Long.parseLong(parsed.group(3));
        var hash = parsed.group(4);
        var head = store.head();
        if (seq == 0) {
            return hash.equals(Chain.GENESIS) ? Check.MATCHES : Check.DIFFERS;
        }
        if (seq <= head.purgedThroughSeq()) {
            return seq == head.purgedThroughSeq()
                    ? (hash.equals(head.purgedThroughHash()) ? Check.MATCHES : Check.DIFFERS)
                    : Check.PURGED;
        }
        return store.find(seq)
                .map(entry -> entry.hash().equals(hash) ? Check.MATCHES : Check.DIFFERS)
                .orElse(Check.MISSING);
    }

    private String mac(String text) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secrets.key(KEY), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
