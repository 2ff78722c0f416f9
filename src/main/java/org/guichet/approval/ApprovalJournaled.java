package org.guichet.approval;

import org.guichet.directory.AgentId;
import org.guichet.platform.Journaled;

/** A journaled event of an approval: about the agent who asked ({@code requester}). */
public interface ApprovalJournaled extends Journaled {

    AgentId requester();

    @Override
    default String about() {
        return requester().soi();
    }
}
