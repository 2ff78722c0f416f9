package org.guichet.directory.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.guichet.directory.ImportProblem;
import org.guichet.directory.ImportReport;

/** The rows an import refuses, reported in file order. */
final class Rejections {

    private final List<ImportReport.Rejection> rejections = new ArrayList<>();

    void add(long line, String key, RowRejected rejected) {
        rejections.add(new ImportReport.Rejection(line, key, rejected.problem(), rejected.arguments()));
    }

    void add(long line, String key, ImportProblem problem, Object... arguments) {
        add(line, key, new RowRejected(problem, arguments));
    }

    List<ImportReport.Rejection> sorted() {
        return rejections.stream()
                .sorted(Comparator.comparingLong(ImportReport.Rejection::line))
                .toList();
    }
}
