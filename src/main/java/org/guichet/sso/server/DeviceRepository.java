package org.guichet.sso.server;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.guichet.session.AgentDevices;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The agents' devices (installations of the phone app) in the database. */
@Repository
public class DeviceRepository {

    /** A device's last use is written at most this often. */
    private static final Duration TOUCH = Duration.ofMinutes(1);

    private final JdbcClient jdbc;

    DeviceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a device the first time its authorization gets a refresh token. */
    void insertIfAbsent(
            String authorizationId,
            String soi,
            String clientId,
            String name,
            String platform,
            @Nullable String channel,
            Instant at) {
        jdbc.sql("""
                        INSERT INTO app_device (authorization_id, soi, client_id, name, platform, first_used_at,
                        last_used_at, last_channel) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(authorizationId, soi, clientId, name, platform, Timestamp.from(at), Timestamp.from(at), channel)
                .update();
    }

    /** The device was used now, from this channel (written at most once a minute). */
    void touch(String authorizationId, String channel, Instant at) {
        jdbc.sql("""
                        UPDATE app_device SET last_used_at = ?, last_channel = ?
                        WHERE authorization_id = ? AND (last_used_at < ? OR last_channel IS NULL OR last_channel <> ?)""")
                .params(Timestamp.from(at), channel, authorizationId, Timestamp.from(at.minus(TOUCH)), channel)
                .update();
    }

    /** The agent's devices whose refresh token is still good, the latest used first. */
    public List<AgentDevices.Device> ofAgent(String soi, Instant now) {
        return jdbc.sql("""
                        SELECT d.authorization_id, COALESCE(c.client_name, d.client_id), d.name, d.platform,
                        d.first_used_at, d.last_used_at, d.last_channel
                        FROM app_device d JOIN oauth2_authorization a ON a.id = d.authorization_id
                        LEFT JOIN oauth2_registered_client c ON c.client_id = d.client_id
                        WHERE d.soi = ? AND a.refresh_token_expires_at > ?
                        ORDER BY d.last_used_at DESC""")
                .params(soi, Timestamp.from(now))
                .query((rs, row) -> new AgentDevices.Device(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6).toInstant(),
                        rs.getString(7)))
                .list();
    }

    /** The name of one of the agent's devices; empty when it is not theirs. */
    public Optional<String> nameOf(String soi, String authorizationId) {
        return jdbc.sql("SELECT name FROM app_device WHERE soi = ? AND authorization_id = ?")
                .params(soi, authorizationId)
                .query(String.class)
                .optional();
    }

    void delete(String authorizationId) {
        jdbc.sql("DELETE FROM app_device WHERE authorization_id = ?")
                .param(authorizationId)
                .update();
    }
}
