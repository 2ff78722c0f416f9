package org.guichet.sso.server;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The signing keys of the single sign-on, each a JWK sealed at rest ({@code sso_signing_key}). */
@Repository
class TokenKeyRepository {

    private final JdbcClient jdbc;

    TokenKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record StoredKey(
            String kid,
            String sealedJwk,
            Instant createdAt,
            Instant useFrom,
            @Nullable Instant retiredAt) {}

    /** Every key not yet retired, or retired after {@code since}: the newest first. */
    List<StoredKey> publishedSince(Instant since) {
        return jdbc.sql("""
                        SELECT kid, sealed_jwk, created_at, use_from, retired_at FROM sso_signing_key
                        WHERE retired_at IS NULL OR retired_at > ?
                        ORDER BY use_from DESC, kid""")
                .param(Timestamp.from(since))
                .query((rs, row) -> new StoredKey(
                        rs.getString("kid"),
                        rs.getString("sealed_jwk"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("use_from").toInstant(),
                        rs.getTimestamp("retired_at") == null
                                ? null
                                : rs.getTimestamp("retired_at").toInstant()))
                .list();
    }

    void add(String kid, String sealedJwk, Instant createdAt, Instant useFrom) {
        jdbc.sql("INSERT INTO sso_signing_key (kid, sealed_jwk, created_at, use_from) VALUES (?, ?, ?, ?)")
                .params(kid, sealedJwk, Timestamp.from(createdAt), Timestamp.from(useFrom))
                .update();
    }

    /** Retires, at {@code at}, every key that a newer one in use since then replaced. */
    int retireReplaced(Instant at) {
        return jdbc.sql("""
                        UPDATE sso_signing_key SET retired_at = ?
                        WHERE retired_at IS NULL AND use_from < (
                            SELECT MAX(use_from) FROM sso_signing_key WHERE use_from <= ?)""").params(Timestamp.from(at), Timestamp.from(at)).update();
    }

    /** Forgets the keys retired before {@code before}: no token they signed is still valid. */
    int deleteRetiredBefore(Instant before) {
        return jdbc.sql("DELETE FROM sso_signing_key WHERE retired_at IS NOT NULL AND retired_at < ?")
                .param(Timestamp.from(before))
                .update();
    }
}
