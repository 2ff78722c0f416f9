package org.guichet.platform;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Random keys Guichet makes for itself, once, and keeps in the database so that every node uses the same: for
 * signing what it hands browsers (not for encrypting data at rest, whose keys come from configuration).
 */
@Repository
public class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, byte[]> known = new ConcurrentHashMap<>();

    Secrets(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The 256-bit key of this name, created the first time any node asks for it. */
    public byte[] key(String name) {
        return known.computeIfAbsent(name, this::loadOrCreate).clone();
    }

    private byte[] loadOrCreate(String name) {
        var fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        jdbc.sql("INSERT INTO platform_secret (name, secret, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(name, Base64.getEncoder().encodeToString(fresh), Timestamp.from(clock.instant()))
                .update();
        var stored = jdbc.sql("SELECT secret FROM platform_secret WHERE name = ?")
                .param(name)
                .query(String.class)
                .single();
        return Base64.getDecoder().decode(stored);
    }
}
