package org.guichet.request.documents;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The signing keystores Guichet makes for itself (PKCS#12, base64), one per name, the same on every node. */
@Repository
class SigningKeyRepository {

    private final JdbcClient jdbc;

    SigningKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The keystore of this name; the first node to ask stores the one {@code generate} makes, the others read it. */
    String once(String name, Supplier<String> generate, Instant now) {
        jdbc.sql("INSERT INTO document_signing_key (name, pkcs12, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(name, generate.get(), Timestamp.from(now))
                .update();
        return jdbc.sql("SELECT pkcs12 FROM document_signing_key WHERE name = ?")
                .param(name)
                .query(String.class)
                .single();
    }
}
