package org.guichet.approval;

import org.guichet.directory.AgentId;
import org.guichet.platform.Journaled;

/** A journaled decision: done by whoever decided ({@code decidedBy}). */
public interface DecidedJournaled extends Journaled {

    AgentId decidedBy();

    @Override
    default String actor() {
        return decidedBy().soi();
    }
}
