package org.guichet.sso;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;
import org.jspecify.annotations.Nullable;

/**
 * One of the agent's devices (an installation of the phone app) was revoked: by the agent, or by the helpdesk ({@code
 * by}) with its reason; its tokens died at once.
 */
public record DeviceRevoked(
        AgentId agent, String device, AgentId by, @Nullable String reason, Instant at)
        implements AgentJournaled, org.guichet.directory.ActedJournaled {

    /** The agent sees it in "my activity". */
    @Override
    public boolean inMyActivity() {
        return true;
    }
}
