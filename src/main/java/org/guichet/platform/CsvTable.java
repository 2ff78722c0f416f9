package org.guichet.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.jspecify.annotations.Nullable;

/**
 * A CSV file as spreadsheets write it: UTF-8 (with or without a byte-order mark), separated by {@code ;} or {@code ,}
 * (whichever the header uses), a header line naming the columns in any case. Values are trimmed; an empty value is
 * absent.
 */
public final class CsvTable {

    private final List<String> columns;
    private final List<Row> rows;

    private CsvTable(List<String> columns, List<Row> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    public List<Row> rows() {
        return rows;
    }

    public boolean has(String column) {
        return columns.contains(column);
    }

    /**
     * One data row.
     *
     * @param line where the row starts in the file; the header is line 1
     * @param complete whether it has exactly as many values as the header has columns
     */
    public record Row(long line, Map<String, String> values, boolean complete) {

        /** The trimmed value, or {@code null} when the column is absent or the value empty. */
        @Nullable
        public String get(String column) {
            var value = values.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    public static CsvTable read(InputStream in, List<String> allowed, Set<String> required) {
        var text = decode(readAll(in));
        var firstLineEnd = text.indexOf('\n');
        var headerLine = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
        if (headerLine.isBlank()) {
            throw new GuichetException(CsvError.EMPTY_FILE);
        }
        var format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter(headerLine))
                .setIgnoreEmptyLines(true)
                .get();
        var lines = new LineIndex(text);
        try (var parser = CSVParser.builder()
                .setReader(new StringReader(text))
                .setFormat(format)
                .get()) {
            List<String> header = null;
            var rows = new ArrayList<Row>();
            for (var record : parser) {
                if (header == null) {
                    header = normalizedHeader(record.values());
                    checkColumns(header, allowed, required);
                    continue;
                }
                var values = new HashMap<String, String>();
                for (int i = 0; i < Math.min(header.size(), record.size()); i++) {
                    values.put(header.get(i), record.get(i));
                }
                rows.add(new Row(
                        lines.lineOf(firstNonBlank(text, record.getCharacterPosition())),
                        values,
                        record.size() == header.size()));
            }
            return new CsvTable(header, rows);
        } catch (IOException | IllegalStateException | UncheckedIOException e) {
            throw new GuichetException(CsvError.UNREADABLE_CSV, e, e.getMessage());
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Strict UTF-8: a file saved in another encoding is refused with the line of the first bad byte. */
    private static String decode(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var in = ByteBuffer.wrap(bytes);
        var out = CharBuffer.allocate(bytes.length);
        if (decoder.decode(in, out, true).isError()) {
            var line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new GuichetException(CsvError.NOT_UTF8, line);
        }
        decoder.flush(out);
        var text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The separator the header uses: {@code ;} (French spreadsheets) or {@code ,}. */
    private static char delimiter(String headerLine) {
        var semicolons = headerLine.chars().filter(c -> c == ';').count();
        var commas = headerLine.chars().filter(c -> c == ',').count();
        return commas > semicolons ? ',' : ';';
    }

    private static List<String> normalizedHeader(String[] names) {
        var columns = new ArrayList<String>();
        for (var name : names) {
            columns.add(name.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        }
        return columns;
    }

    private static void checkColumns(List<String> header, List<String> allowed, Set<String> required) {
        var unknown = new LinkedHashSet<>(header);
        allowed.forEach(unknown::remove);
        if (!unknown.isEmpty() || header.size() != Set.copyOf(header).size()) {
            throw new GuichetException(
                    CsvError.UNKNOWN_COLUMNS, String.join(", ", unknown), String.join(", ", allowed));
        }
        var missing = new LinkedHashSet<>(required);
        header.forEach(missing::remove);
        if (!missing.isEmpty()) {
            throw new GuichetException(CsvError.MISSING_COLUMNS, String.join(", ", missing));
        }
    }

    /** Skips the empty lines the parser passed over before a record. */
    private static long firstNonBlank(String text, long position) {
        var i = (int) position;
        while (i < text.length() && (text.charAt(i) == '\n' || text.charAt(i) == '\r')) {
            i++;
        }
        return i;
    }

    /** Maps a character offset to its 1-based line. */
    private static final class LineIndex {

        private final int[] starts;

        LineIndex(String text) {
            var offsets = new ArrayList<Integer>();
            offsets.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    offsets.add(i + 1);
                }
            }
            starts = offsets.stream().mapToInt(Integer::intValue).toArray();
        }

        long lineOf(long position) {
            var index = java.util.Arrays.binarySearch(starts, (int) position);
            return (index >= 0 ? index : -index - 2) + 1L;
        }
    }
}
