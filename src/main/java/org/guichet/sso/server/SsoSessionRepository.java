package org.guichet.sso.server;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.guichet.network.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which Guichet sessions signed into which applications ({@code sso_session}, {@code sso_authorization}), and the
 * refresh tokens already exchanged ({@code sso_used_refresh_token}).
 */
@Repository
public class SsoSessionRepository {

    private final JdbcClient jdbc;

    SsoSessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What an authorization was given from: the session, its agent, the channel. */
    public record Origin(
            String authorizationId,
            String sid,
            String agent,
            String registeredClientId,
            Channel channel,
            String issuer,
            Instant createdAt) {}

    /** Records that this session signed into an application (the authorization it was given). */
    public void signedIn(
            String authorizationId,
            String sid,
            String agent,
            String registeredClientId,
            Channel channel,
            String issuer,
            Instant at) {
        jdbc.sql("""
                        INSERT INTO sso_session (sid, agent, started_at) VALUES (?, ?, ?)
                        ON CONFLICT DO NOTHING""").params(sid, agent, Timestamp.from(at)).update();
        jdbc.sql("""
                        INSERT INTO sso_authorization (authorization_id, sid, registered_client_id, channel, issuer, created_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(authorizationId, sid, registeredClientId, channel.name(), issuer, Timestamp.from(at))
                .update();
    }

    private static Origin origin(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Origin(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                Channel.valueOf(rs.getString(5)),
                rs.getString(6),
                rs.getTimestamp(7).toInstant());
    }

    /** Where an authorization came from; empty for one given before Guichet tracked them. */
    public Optional<Origin> origin(String authorizationId) {
        return jdbc.sql("""
                        SELECT a.authorization_id, a.sid, s.agent, a.registered_client_id, a.channel, a.issuer, a.created_at
                        FROM sso_authorization a JOIN sso_session s ON s.sid = a.sid
                        WHERE a.authorization_id = ?""")
                .param(authorizationId)
                .query(SsoSessionRepository::origin)
                .optional();
    }

    /** The authorizations a session was given that are still in use: the applications it is signed into. */
    public List<Origin> ofSession(String sid) {
        return jdbc.sql("""
                        SELECT a.authorization_id, a.sid, s.agent, a.registered_client_id, a.channel, a.issuer, a.created_at
                        FROM sso_authorization a JOIN sso_session s ON s.sid = a.sid
                        WHERE a.sid = ? AND a.ended_at IS NULL ORDER BY a.created_at""").param(sid).query(SsoSessionRepository::origin).list();
    }

    /** When the session first signed into each application it still is signed into (by registered client id). */
    public java.util.Map<String, Instant> applicationsOf(String sid) {
        var since = new java.util.LinkedHashMap<String, Instant>();
        for (var origin : ofSession(sid)) {
            since.putIfAbsent(origin.registeredClientId(), origin.createdAt());
        }
        return since;
    }

    /** Ends the authorizations of one application in this session; the ones it ended. */
    public List<Origin> endApplication(String sid, String registeredClientId, Instant at) {
        var ending = ofSession(sid).stream()
                .filter(origin -> origin.registeredClientId().equals(registeredClientId))
                .toList();
        ending.forEach(origin -> jdbc.sql(
                        "UPDATE sso_authorization SET ended_at = ? WHERE authorization_id = ? AND ended_at IS NULL")
                .params(Timestamp.from(at), origin.authorizationId())
                .update());
        return ending;
    }

    /** Whether this session (still open in applications) is this agent's. */
    public boolean belongsTo(String sid, String agent) {
        return jdbc.sql("SELECT COUNT(*) FROM sso_session WHERE sid = ? AND agent = ? AND ended_at IS NULL")
                        .params(sid, agent)
                        .query(Integer.class)
                        .single()
                == 1;
    }

    /** Ends the session, once: false when it had already ended (or never signed into anything). */
    public boolean end(String sid, String cause, Instant at) {
        return jdbc.sql("UPDATE sso_session SET ended_at = ?, end_cause = ? WHERE sid = ? AND ended_at IS NULL")
                        .params(Timestamp.from(at), cause, sid)
                        .update()
                == 1;
    }

    /** The agents that have sessions still open in applications. */
    public List<String> agentsWithOpenSessions() {
        return jdbc.sql("SELECT DISTINCT agent FROM sso_session WHERE ended_at IS NULL")
                .query(String.class)
                .list();
    }

    /** The keys of the agent's sessions still open in applications. */
    public List<String> openSessions(String agent) {
        return jdbc.sql("SELECT sid FROM sso_session WHERE agent = ? AND ended_at IS NULL")
                .param(agent)
                .query(String.class)
                .list();
    }

    /**
     * Records that a refresh token was exchanged; false when it already was (presented a second time): the first
     * one to record it wins, whatever the number of nodes.
     */
    boolean exchanged(String tokenHash, String authorizationId, Instant at) {
        return jdbc.sql("""
                                INSERT INTO sso_used_refresh_token (token_hash, authorization_id, used_at)
                                VALUES (?, ?, ?) ON CONFLICT DO NOTHING""")
                        .params(tokenHash, authorizationId, Timestamp.from(at))
                        .update()
                == 1;
    }

    /** Locks an authorization's row until the transaction ends (nothing when it is gone). */
    void lockAuthorization(String authorizationId) {
        jdbc.sql("SELECT id FROM oauth2_authorization WHERE id = ? FOR UPDATE")
                .param(authorizationId)
                .query(String.class)
                .list();
    }

    /** The authorization a refresh token was exchanged in, if it was. */
    Optional<String> exchangedIn(String tokenHash) {
        return jdbc.sql("SELECT authorization_id FROM sso_used_refresh_token WHERE token_hash = ?")
                .param(tokenHash)
                .query(String.class)
                .optional();
    }

    /** The clients that are native apps ({@link ApplicationStore#nativeApp}), as SQL on {@code oauth2_registered_client}. */
    private static final String NATIVE_APP =
            "client_authentication_methods LIKE '%none%' AND authorization_grant_types LIKE '%refresh_token%'";

    /**
     * The authorizations of an agent's devices: native apps (public clients that refresh their tokens, with a key of
     * their own), which outlive the browser session they were signed in from.
     */
    public List<String> deviceAuthorizations(String agent) {
        return jdbc.sql("""
                        SELECT a.id FROM oauth2_authorization a WHERE a.principal_name = ?
                        AND a.registered_client_id IN (SELECT id FROM oauth2_registered_client WHERE""" + " " + NATIVE_APP + ")")
                .param(agent)
                .query(String.class)
                .list();
    }

    /** Whether this client is a native app. */
    public boolean nativeApp(String registeredClientId) {
        return jdbc.sql("SELECT COUNT(*) FROM oauth2_registered_client WHERE id = ? AND " + NATIVE_APP)
                        .param(registeredClientId)
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
