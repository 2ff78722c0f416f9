package org.guichet.payslip;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a publication did: every payslip of the file, or none when one row or file is wrong.
 *
 * @param items payslips found in the file (rows of a CSV, PDFs of a ZIP)
 * @param batch the published batch; {@code null} when nothing was published
 * @param rejected what is wrong, each with where it is; when not empty, nothing was published
 */
public record BatchReport(
        PayslipBatch.Kind kind,
        String fileName,
        int items,
        @Nullable UUID batch,
        List<Rejection> rejected) {

    public BatchReport {
        rejected = List.copyOf(rejected);
    }

    public boolean published() {
        return batch != null;
    }

    /**
     * A wrong row or file.
     *
     * @param location the CSV line (the header is line 1) or the file's name in the ZIP
     * @param soi the agent's SOI as written, when there is one
     * @param arguments values for the problem's sentence
     */
    public record Rejection(String location, @Nullable String soi, BatchProblem problem, List<String> arguments) {

        public Rejection {
            arguments = List.copyOf(arguments);
        }
    }
}
