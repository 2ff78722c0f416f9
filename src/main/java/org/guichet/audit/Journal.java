package org.guichet.audit;

import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.guichet.audit.journal.JournalReader;
import org.guichet.audit.journal.JournalVerifier;
import org.guichet.audit.journal.JournalWriter;
import org.guichet.platform.DisplayZone;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask of the journal: record an action, read, export and verify. */
@Service
public class Journal {

    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JournalWriter writer;
    private final JournalReader reader;
    private final JournalVerifier verifier;
    private final AuditSettings settings;

    Journal(JournalWriter writer, JournalReader reader, JournalVerifier verifier, AuditSettings settings) {
        this.writer = writer;
        this.reader = reader;
        this.verifier = verifier;
        this.settings = settings;
    }

    /**
     * Appends an action to the journal in the caller's transaction, so that the action and its entry are written
     * together or not at all.
     */
    @Transactional
    public long record(NewEntry entry) {
        return writer.append(entry);
    }

    /** The newest entries a query finds, at most {@code limit}, before this place when given (the next page). */
    public List<JournalEntry> search(JournalQuery query, @Nullable Long before, int limit) {
        return reader.search(query, before, limit);
    }

    /**
     * What the agent sees of their account's activity, newest first: the entries about them of the types their
     * writers declared for "my activity" ({@link org.guichet.platform.Journaled#inMyActivity()}).
     */
    public List<JournalEntry> activity(String agent, int limit) {
        return reader.activity(agent, limit);
    }

    /** Hands each entry a query finds to the consumer, newest first, in one read: for counts over a period. */
    @Transactional(readOnly = true)
    public void each(JournalQuery query, java.util.function.Consumer<JournalEntry> consumer) {
        reader.forEach(query, Integer.MAX_VALUE, (entry, hash) -> consumer.accept(entry));
    }

    /** Verifies the whole chain. */
    public JournalVerification verify() {
        return verifier.verify();
    }

    /** Verifies the entries appended in this month (in the administration's zone) and their links to the months around. */
    public JournalVerification verify(java.time.YearMonth month) {
        return verifier.verify(month);
    }

    /** Writes what a query finds as CSV (UTF-8, semicolons, times in the administration's zone), newest first. */
    @Transactional(readOnly = true)
    public void exportCsv(JournalQuery query, Writer out) throws IOException {
        var csv = CSVFormat.Builder.create(CSVFormat.DEFAULT)
                .setDelimiter(';')
                .setHeader("seq", "time", "type", "actor", "agent", "address", "channel", "details", "hash")
                .get()
                .print(out);
        try {
            reader.forEach(query, settings.exportLimit(), (entry, hash) -> {
                try {
                    csv.printRecord(
                            entry.seq(),
                            CSV_TIME.format(DisplayZone.local(entry.at())),
                            entry.type(),
                            entry.actor(),
                            entry.subject(),
                            entry.address(),
                            entry.channel(),
                            reader.detailsText(entry),
                            hash);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
    }

    /** Details as a person reads them: {@code name: value}, in order. */
    public static Map<String, String> readable(JournalEntry entry) {
        var readable = new LinkedHashMap<String, String>();
        entry.details().forEach((name, value) -> readable.put(name, String.valueOf(value)));
        return readable;
    }
}
