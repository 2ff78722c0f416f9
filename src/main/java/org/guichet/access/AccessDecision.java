package org.guichet.access;

import java.util.Set;
import org.guichet.network.Channel;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@link AccessPolicy} for one agent, channel, assurance and service: allowed, or denied with a reason
 * and a remedy.
 *
 * @param channel the channel the agent is on
 * @param workingChannels the channels on which this agent could reach the service (for the sentence they are told)
 * @param profile the state of the agent's remote-access profile as it stood
 */
public record AccessDecision(
        ServiceDefinition service,
        Channel channel,
        Set<Channel> workingChannels,
        @Nullable AccessDenial denial,
        @Nullable Remedy remedy,
        NomadicState profile) {

    public boolean allowed() {
        return denial == null;
    }
}
