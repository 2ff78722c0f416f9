package org.guichet.sso.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The DPoP proofs seen, in the database that every node shares (RFC 9449 §11.1): a proof is accepted once, on
 * whichever node it reaches first. Kept until it could not be accepted anyway (its {@code iat} is checked within a
 * minute), then purged.
 */
@Repository
public class DPoPProofs {

    /** How long a proof is remembered: longer than the window its {@code iat} is accepted in. */
    static final Duration REMEMBERED = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final Clock clock;

    DPoPProofs(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether this is the first time a proof with this {@code jti} is seen (and remembers it); false for a replay. */
    public boolean firstUse(String jti) {
        return jdbc.sql("""
                        INSERT INTO dpop_proof (jti_hash, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING""")
                        .params(hash(jti), Timestamp.from(clock.instant().plus(REMEMBERED)))
                        .update()
                == 1;
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT4M")
    @SchedulerLock(name = "dpop-proof-purge", lockAtLeastFor = "PT9M", lockAtMostFor = "PT10M")
    void purge() {
        jdbc.sql("DELETE FROM dpop_proof WHERE expires_at < ?")
                .param(Timestamp.from(Instant.now(clock)))
                .update();
    }

    private static String hash(String jti) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(jti.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
