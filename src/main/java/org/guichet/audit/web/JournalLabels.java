package org.guichet.audit.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.guichet.audit.JournalEntry;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the journal page writes for people where entries hold codes: each event type in words (the code stays in the
 * export, the API and the search), each agent by name (the SOI alongside, as it is what one searches by).
 */
@Component
class JournalLabels {

    private final MessageSource messages;
    private final DirectoryManagement directory;

    JournalLabels(MessageSource messages, DirectoryManagement directory) {
        this.messages = messages;
        this.directory = directory;
    }

    /** The words for each type of these entries; a type without words is shown as its code. */
    Map<String, String> types(Collection<JournalEntry> entries, Locale locale) {
        var labels = new LinkedHashMap<String, String>();
        for (var entry : entries) {
            labels.computeIfAbsent(entry.type(), type -> messages.getMessage("audit.type." + type, null, type, locale));
        }
        return labels;
    }

    /** The name of each agent these entries are by or about; one no longer in the directory keeps their SOI. */
    Map<String, String> people(Collection<JournalEntry> entries) {
        var names = new LinkedHashMap<String, String>();
        entries.stream()
                .flatMap(entry -> Stream.of(entry.actor(), entry.subject()))
                .filter(soi -> soi != null && AgentId.isSoi(soi))
                .distinct()
                .forEach(soi -> names.put(soi, directory.displayName(AgentId.of(soi))));
        return names;
    }
}
