package org.guichet.directory;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An agent's record changed: each value that changed, before and after, and where the change came from. Published
 * beside the events that others react to ({@link AgentTransferred}, {@link AgentStatusChanged}), for the journal.
 *
 * @param changes by field ({@code first_name}, {@code department}, {@code status}…, the import's column names)
 */
public record AgentChanged(AgentId agent, ChangeSource source, Map<String, Change> changes) implements AgentJournaled {

    public AgentChanged {
        changes = Map.copyOf(changes);
    }

    /** A value before the change and after it (none when there was none). */
    public record Change(@Nullable String before, @Nullable String after) {}
}
