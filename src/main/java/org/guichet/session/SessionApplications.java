package org.guichet.session;

import java.time.Instant;
import java.util.List;
import org.guichet.directory.AgentId;

/**
 * The applications a session signed into through Guichet's single sign-on, for "my sessions": the module that signs
 * applications in provides it (none, no applications shown). Sessions are named by their stable key.
 */
public interface SessionApplications {

    /** An application the session is signed into, since when. */
    record SignedInApplication(String clientId, String name, Instant since) {}

    List<SignedInApplication> of(AgentId agent, String sessionKey);

    /**
     * Signs the session out of one application: its tokens are revoked and it is told (back-channel logout); the
     * session stays open. False when the session was not signed into it.
     */
    boolean signOut(AgentId agent, String sessionKey, String clientId);
}
