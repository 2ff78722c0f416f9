package org.guichet.audit.journal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.guichet.audit.JournalEntry;
import org.guichet.audit.JournalQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Reads entries as the facade gives them: details as names and values. */
@Service
public class JournalReader {

    private final JournalStore store;
    private final JsonMapper json;

    JournalReader(JournalStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public List<JournalEntry> search(JournalQuery query, @Nullable Long before, int limit) {
        return store.search(query, before, limit).stream().map(this::entry).toList();
    }

    /** The newest entries about this agent that they see in "my activity", at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<JournalEntry> activity(String agent, int limit) {
        return store.activity(agent, limit).stream().map(this::entry).toList();
    }

    /** Hands each entry found, with its hash, to the consumer. */
    public void forEach(JournalQuery query, int limit, BiConsumer<JournalEntry, String> consumer) {
        store.forEach(query, limit, stored -> consumer.accept(entry(stored), stored.hash()));
    }

    public String detailsText(JournalEntry entry) {
        return json.writeValueAsString(entry.details());
    }

    private JournalEntry entry(StoredEntry stored) {
        @SuppressWarnings("unchecked")
        Map<String, Object> details = json.readValue(stored.details(), LinkedHashMap.class);
        return new JournalEntry(
                stored.seq(),
                stored.at(),
                stored.type(),
                stored.actor(),
                stored.subject(),
                stored.address(),
                stored.channel(),
                details);
    }
}
