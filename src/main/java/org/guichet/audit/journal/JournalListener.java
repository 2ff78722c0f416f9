package org.guichet.audit.journal;

import org.guichet.platform.Journaled;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Appends every journaled event once its transaction committed. The event publication registry holds each until it is
 * appended, so that an event is journaled even when a node stops in between (it is published again at restart).
 */
@Component
class JournalListener {

    private final EventEntries entries;
    private final JournalWriter writer;

    JournalListener(EventEntries entries, JournalWriter writer) {
        this.entries = entries;
        this.writer = writer;
    }

    @ApplicationModuleListener
    void on(Journaled event) {
        writer.append(entries.of(event));
    }
}
