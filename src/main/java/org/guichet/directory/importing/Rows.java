package org.guichet.directory.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;

/**
 * Rows given by a program (the provisioning API, a directory's synchronisation) as the CSV the import reads: the
 * columns any row names, in the order first named; a value a row leaves out is empty.
 */
public final class Rows {

    private Rows() {}

    public static ByteArrayInputStream csv(List<Map<String, String>> rows) {
        var columns = new LinkedHashSet<String>();
        rows.forEach(row -> columns.addAll(row.keySet()));
        try {
            var out = new StringWriter();
            try (var printer = CSVFormat.Builder.create(CSVFormat.DEFAULT)
                    .setDelimiter(';')
                    .setHeader(columns.toArray(String[]::new))
                    .get()
                    .print(out)) {
                for (var row : rows) {
                    printer.printRecord(columns.stream()
                            .map(column -> row.getOrDefault(column, ""))
                            .toList());
                }
            }
            return new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
