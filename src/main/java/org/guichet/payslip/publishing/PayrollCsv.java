package org.guichet.payslip.publishing;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.guichet.payslip.BatchProblem;
import org.guichet.payslip.render.PayrollLine;
import org.guichet.platform.CsvTable;
import org.jspecify.annotations.Nullable;

/**
 * Reads payroll lines from CSV (format in the README): one row per agent and month, amounts in euros with a comma or a
 * point before the cents. Each row is checked on its own (with {@link BatchChecks}) and its totals must add up.
 */
final class PayrollCsv {

    static final List<String> COLUMNS = List.of(
            "soi",
            "period",
            "grade",
            "echelon",
            "indice_majore",
            "working_time",
            "traitement_indiciaire",
            "indemnite_residence",
            "supplement_familial",
            "nbi",
            "primes",
            "cnracl",
            "rafp",
            "csg_deductible",
            "csg_non_deductible",
            "crds",
            "net_a_payer",
            "net_imposable");

    private static final Set<String> REQUIRED = Set.of(
            "soi",
            "period",
            "grade",
            "indice_majore",
            "traitement_indiciaire",
            "cnracl",
            "csg_deductible",
            "csg_non_deductible",
            "crds",
            "net_a_payer",
            "net_imposable");

    private PayrollCsv() {}

    /** The rows that passed every check; the others are in {@code checks}. */
    static Read read(InputStream csv, BatchChecks checks) {
        var table = CsvTable.read(csv, COLUMNS, REQUIRED);
        var lines = new ArrayList<PayrollLine>();
        for (var row : table.rows()) {
            var line = line(row, checks);
            if (line != null) {
                lines.add(line);
            }
        }
        return new Read(table.rows().size(), lines);
    }

    record Read(int rows, List<PayrollLine> lines) {}

    private static @Nullable PayrollLine line(CsvTable.Row row, BatchChecks checks) {
        var location = Long.toString(row.line());
        var soi = row.get("soi");
        if (!row.complete()) {
            return checks.reject(location, soi, BatchProblem.WRONG_COLUMN_COUNT);
        }
        var key = checks.check(location, soi, row.get("period"));
        if (key == null) {
            return null;
        }
        var fields = new Fields(row, location, soi, checks);
        var grade = fields.text("grade", 100, true);
        var echelon = fields.text("echelon", 20, false);
        var indice = fields.number("indice_majore", 1, 1500, null);
        var workingTime = fields.number("working_time", 10, 100, 100);
        var amounts = new BigDecimal[11];
        var names = COLUMNS.subList(6, 17);
        for (int i = 0; i < amounts.length; i++) {
            amounts[i] = fields.amount(names.get(i));
        }
        var taxable = fields.amount("net_imposable");
        if (fields.failed || grade == null || indice == null || workingTime == null) {
            return null;
        }
        var line = new PayrollLine(
                key.agent(),
                key.period(),
                grade,
                echelon,
                indice,
                workingTime,
                amounts[0],
                amounts[1],
                amounts[2],
                amounts[3],
                amounts[4],
                amounts[5],
                amounts[6],
                amounts[7],
                amounts[8],
                amounts[9],
                amounts[10],
                taxable);
        if (line.netPay().compareTo(line.expectedNetPay()) != 0) {
            return checks.reject(
                    location,
                    soi,
                    BatchProblem.NET_PAY_MISMATCH,
                    line.netPay().toPlainString(),
                    line.expectedNetPay().toPlainString());
        }
        if (line.taxableNet().compareTo(line.expectedTaxableNet()) != 0) {
            return checks.reject(
                    location,
                    soi,
                    BatchProblem.TAXABLE_MISMATCH,
                    line.taxableNet().toPlainString(),
                    line.expectedTaxableNet().toPlainString());
        }
        return line;
    }

    /** Reads the values of one row; the first wrong one is recorded and marks the row failed. */
    private static final class Fields {

        private final CsvTable.Row row;
        private final String location;
        private final @Nullable String soi;
        private final BatchChecks checks;
        boolean failed;

        Fields(CsvTable.Row row, String location, @Nullable String soi, BatchChecks checks) {
            this.row = row;
            this.location = location;
            this.soi = soi;
            this.checks = checks;
        }

        @Nullable
        String text(String column, int maxLength, boolean required) {
            var value = row.get(column);
            if (value == null && required) {
                fail(BatchProblem.MISSING_VALUE, column);
            } else if (value != null && value.length() > maxLength) {
                fail(BatchProblem.TOO_LONG, column, Integer.toString(maxLength));
            }
            return value;
        }

        @Nullable
        Integer number(String column, int min, int max, @Nullable Integer absent) {
            var value = row.get(column);
            if (value == null) {
                if (absent == null) {
                    fail(BatchProblem.MISSING_VALUE, column);
                }
                return absent;
            }
            try {
                var number = Integer.parseInt(value);
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            fail(BatchProblem.INVALID_NUMBER, column, value, Integer.toString(min), Integer.toString(max));
            return null;
        }

        /** A non-negative amount with at most two decimals; absent optional amounts are zero. */
        BigDecimal amount(String column) {
            var value = row.get(column);
            if (value == null) {
                if (REQUIRED.contains(column)) {
                    fail(BatchProblem.MISSING_VALUE, column);
                }
                return BigDecimal.ZERO.setScale(2);
            }
            try {
                var amount = new BigDecimal(
                        value.replace(" ", "").replace("\u00a0", "").replace(',', '.'));
                if (amount.signum() >= 0 && amount.scale() <= 2 && amount.compareTo(new BigDecimal("10000000")) < 0) {
                    return amount.setScale(2);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            fail(BatchProblem.INVALID_AMOUNT, column, value);
            return BigDecimal.ZERO.setScale(2);
        }

        private void fail(BatchProblem problem, String... arguments) {
            if (!failed) {
                failed = true;
                checks.reject(location, soi, problem, arguments);
            }
        }
    }
}
