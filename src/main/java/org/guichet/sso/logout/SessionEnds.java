package org.guichet.sso.logout;

import java.time.Clock;
import java.util.HashSet;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.guichet.directory.AgentId;
import org.guichet.session.AllSessionsRevoked;
import org.guichet.session.SessionManagement;
import org.guichet.session.SessionRevoked;
import org.guichet.session.SignedOut;
import org.guichet.sso.server.SsoSessionRepository;
import org.guichet.sso.server.TrackedAuthorizations;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * One logout for all: when a Guichet session ends, for whatever reason, every application it signed into loses its
 * refresh and access tokens and is told by a back-channel logout token. Signing out and every revocation (the agent's
 * other sessions, the helpdesk, "this wasn't me", a new password, a suspension or departure, the absolute lifetime)
 * are events; a session that simply timed out, or that a node's cleanup removed, is found by a sweep, once a minute
 * on one node.
 */
@Component
@ConditionalOnWebApplication
public class SessionEnds {

    static final String JOB = "sso-session-sweep";

    private final SsoSessionRepository sessions;
    private final SessionManagement guichet;
    private final TrackedAuthorizations authorizations;
    private final BackChannelLogout logout;
    private final Clock clock;

    SessionEnds(
            SsoSessionRepository sessions,
            SessionManagement guichet,
            TrackedAuthorizations authorizations,
            BackChannelLogout logout,
            Clock clock) {
        this.sessions = sessions;
        this.guichet = guichet;
        this.authorizations = authorizations;
        this.logout = logout;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(SignedOut event) {
        ended(event.agent(), event.key(), "SIGNED_OUT");
    }

    @ApplicationModuleListener
    void on(SessionRevoked event) {
        ended(event.agent(), event.key(), event.cause().name());
    }

    /** A new password, "this wasn't me", the helpdesk, a departure: the phone apps lose their tokens too. */
    @ApplicationModuleListener
    void on(AllSessionsRevoked event) {
        if (REVOKES_DEVICES.contains(event.cause())) {
            sessions.deviceAuthorizations(event.agent().soi()).forEach(authorizations::revoke);
        }
    }

    /** The ends of a browser session that leave the phone apps signed in from it as they are. */
    private static final java.util.Set<String> KEEPS_DEVICES =
            java.util.Set.of("SIGNED_OUT", "EXPIRED", "LIFETIME", "AGENT");

    /** What ends the agent's devices as well as their browser sessions. */
    private static final java.util.Set<SessionRevoked.Cause> REVOKES_DEVICES = java.util.EnumSet.of(
            SessionRevoked.Cause.PASSWORD_CHANGED,
            SessionRevoked.Cause.HELPDESK,
            SessionRevoked.Cause.NOT_ME,
            SessionRevoked.Cause.ACCOUNT_CLOSED);

    private void ended(AgentId agent, @Nullable String key, String cause) {
        if (key != null) {
            end(key, cause);
        } else {
            sweep(agent.soi(), cause);
        }
        logout.deliverDue();
    }

    /** Once a minute, on one node: the sessions that ended without a word (timed out, cleaned up). */
    @Scheduled(fixedDelayString = "${guichet.sso.sweep-every:PT1M}", initialDelayString = "PT1M")
    @SchedulerLock(name = JOB, lockAtMostFor = "PT5M")
    void sweepAll() {
        sweepNow();
    }

    /** Ends, as timed out, every session still open in applications whose Guichet session is gone. */
    public void sweepNow() {
        sessions.agentsWithOpenSessions().forEach(agent -> sweep(agent, "EXPIRED"));
        logout.deliverDue();
    }

    private void sweep(String agent, String cause) {
        var live = AgentId.isSoi(agent) ? guichet.openSessionKeys(AgentId.of(agent)) : java.util.Set.<String>of();
        for (var sid : new HashSet<>(sessions.openSessions(agent))) {
            if (!live.contains(sid)) {
                end(sid, cause);
            }
        }
    }

    /** Ends the session once: revokes what its applications hold, and tells them. */
    void end(String sid, String cause) {
        var at = clock.instant();
        if (!sessions.end(sid, cause, at)) {
            return;
        }
        var clients = new java.util.LinkedHashSet<String>();
        sessions.ofSession(sid).forEach(origin -> clients.add(origin.registeredClientId()));
        clients.forEach(client -> signOut(sid, client, cause, at));
    }

    /**
     * Signs the session out of one application (the agent asked, in "my sessions"): revokes what it holds from this
     * session and tells it; false when the session was not signed into it.
     */
    public boolean signOutOf(String sid, String registeredClientId) {
        var done = signOut(sid, registeredClientId, "SIGNED_OUT_OF_APPLICATION", clock.instant());
        logout.deliverDue();
        return done;
    }

    private boolean signOut(String sid, String registeredClientId, String cause, java.time.Instant at) {
        var ended = sessions.endApplication(sid, registeredClientId, at);
        if (KEEPS_DEVICES.contains(cause) && sessions.nativeApp(registeredClientId)) {
            // a phone app outlives the browser session it was signed in from (signed out, timed out, its lifetime):
            // it is ended as a device, by the agent, the helpdesk, or what revokes every session (on(SessionRevoked))
            return !ended.isEmpty();
        }
        ended.forEach(origin -> authorizations.revoke(origin.authorizationId()));
        if (!ended.isEmpty()) {
            var origin = ended.getFirst();
            logout.add(sid, origin.agent(), registeredClientId, origin.issuer(), cause);
        }
        return !ended.isEmpty();
    }
}
