package org.guichet.directory.importing;

import java.io.InputStream;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.guichet.directory.ChangeSource;
import org.guichet.directory.ImportProblem;
import org.guichet.directory.ImportReport;
import org.guichet.platform.CsvTable;
import org.jspecify.annotations.Nullable;

/**
 * What every directory import does, for rows that form a tree (departments under their parent, agents under their
 * manager): read each row over what is stored, refuse bad rows with their line and reason, refuse rows whose parent is
 * unknown or refused and rows that would close a loop, then write what changed, parents first, and report.
 *
 * @param <T> a row as stored
 */
abstract class TreeImport<T> {

    /** Reads one row into the record it describes, or throws {@link RowRejected}; may keep state over a run. */
    interface RowReader<T> {

        /** @param accepted the keys of the rows accepted so far, with their lines */
        T read(CsvTable.Row row, Map<String, Long> accepted);
    }

    private final ChunkedWriter writer;
    private final ImportReport.Kind kind;
    private final List<String> columns;
    private final Set<String> required;
    private final Hierarchy.Problems problems;

    TreeImport(
            ChunkedWriter writer,
            ImportReport.Kind kind,
            List<String> columns,
            Set<String> required,
            Hierarchy.Problems problems) {
        this.writer = writer;
        this.kind = kind;
        this.columns = columns;
        this.required = required;
        this.problems = problems;
    }

    abstract Map<String, T> loadStored(CsvTable table);

    abstract RowReader<T> reader(CsvTable table, Map<String, T> stored, ChangeSource source);

    abstract String key(T record);

    abstract @Nullable String parent(T record);

    /** The key a row names, as it would be stored, to report it when refused. */
    abstract String rowKey(CsvTable.Row row);

    /** Writes new and changed records, in one transaction with the events they publish (saying this source). */
    abstract void write(List<T> chunk, Map<String, T> stored, ChangeSource source);

    public ImportReport run(InputStream csv, ChangeSource source) {
        return run(csv, source, false);
    }

    /**
     * Reads, checks and writes the rows; with {@code dryRun}, writes nothing and reports what it would have done (the
     * database's own refusals, found only by writing, aside).
     */
    public ImportReport run(InputStream csv, ChangeSource source, boolean dryRun) {
        var started = System.nanoTime();
        var table = CsvTable.read(csv, columns, required);
        var stored = loadStored(table);
        var reader = reader(table, stored, source);
        var rejections = new Rejections();
        var candidates = new LinkedHashMap<String, T>();
        var lines = new HashMap<String, Long>();
        var refusedRows = new HashMap<String, Long>();
        for (var row : table.rows()) {
            try {
                var record = reader.read(row, lines);
                lines.put(key(record), row.line());
                candidates.put(key(record), record);
            } catch (RowRejected rejected) {
                var key = rowKey(row);
                rejections.add(row.line(), key, rejected);
                refusedRows.putIfAbsent(key, row.line());
            }
        }
        Function<String, @Nullable String> parentOf = key -> {
            var record = candidates.containsKey(key) ? candidates.get(key) : stored.get(key);
            return record == null ? null : parent(record);
        };
        Hierarchy.prune(candidates, stored::containsKey, parentOf, lines, refusedRows, rejections, problems);

        var depths = Hierarchy.depths(candidates.keySet(), key -> !stored.containsKey(key), parentOf);
        var changes = candidates.values().stream()
                .filter(record -> !record.equals(stored.get(key(record))))
                .sorted(Comparator.comparing(record -> depths.get(key(record))))
                .toList();
        var written = dryRun
                ? changes
                : writer.write(
                        changes,
                        chunk -> write(chunk, stored, source),
                        (record, e) -> rejections.add(
                                lines.get(key(record)),
                                key(record),
                                ImportProblem.DATABASE_REFUSED,
                                ChunkedWriter.reason(e)));
        var created = (int) written.stream()
                .filter(record -> !stored.containsKey(key(record)))
                .count();
        return new ImportReport(
                kind,
                table.rows().size(),
                created,
                written.size() - created,
                candidates.size() - changes.size(),
                rejections.sorted(),
                Duration.ofNanos(System.nanoTime() - started));
    }
}
