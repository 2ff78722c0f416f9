package org.guichet.session;

import java.time.Instant;
import java.util.List;
import org.guichet.directory.AgentId;
import org.jspecify.annotations.Nullable;

/**
 * The agent's devices: each installation of the phone app signed in with Guichet, which outlives the browser session
 * it was signed in from. The module that signs the app in provides it (none: no device shown). A device is revoked
 * in one action, which kills its tokens at once.
 */
public interface AgentDevices {

    /**
     * One installation of the app.
     *
     * @param id its identity (the authorization of its tokens)
     * @param name what the app calls the phone, or its browser's name for it
     * @param platform {@code Android}, {@code iOS} or {@code Autre}
     * @param channel where it was last used from ({@code NOMADIC}…); null before its first call
     */
    record Device(
            String id,
            String application,
            String name,
            String platform,
            Instant firstUsedAt,
            Instant lastUsedAt,
            @Nullable String channel) {}

    /** The agent's devices that can still be used, the latest used first. */
    List<Device> of(AgentId agent);

    /**
     * Revokes one of the agent's devices: its tokens die at once; {@code by} is who did it (the agent, or the
     * helpdesk), {@code reason} theirs. False when it is not one of the agent's.
     */
    boolean revoke(AgentId agent, String id, AgentId by, @Nullable String reason);
}
