package org.guichet.payslip.publishing;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.payslip.BatchProblem;
import org.guichet.payslip.BatchReport.Rejection;
import org.guichet.payslip.domain.PayslipRepository;
import org.guichet.platform.DisplayZone;
import org.jspecify.annotations.Nullable;

/**
 * What every payslip of a batch must be, whatever the file: an agent the directory knows, a month no later than next
 * month, once in the file and not already published. Collects the rejections of one batch.
 */
final class BatchChecks {

    private final DirectoryManagement directory;
    private final PayslipRepository payslips;
    private final YearMonth latest;
    private final Set<String> seen = new HashSet<>();
    private final List<Rejection> rejected = new ArrayList<>();

    BatchChecks(DirectoryManagement directory, PayslipRepository payslips, Clock clock) {
        this.directory = directory;
        this.payslips = payslips;
        this.latest = YearMonth.from(DisplayZone.today(clock)).plusMonths(1);
    }

    record Key(AgentId agent, YearMonth period) {}

    /** The agent and month of a payslip, or {@code null} after recording why they are wrong. */
    @Nullable
    Key check(String location, @Nullable String soi, @Nullable String period) {
        if (soi == null) {
            return reject(location, null, BatchProblem.MISSING_VALUE, "soi");
        }
        if (!AgentId.isSoi(soi)) {
            return reject(location, soi, BatchProblem.INVALID_SOI, soi);
        }
        var agent = AgentId.of(soi);
        if (directory.findById(agent).isEmpty()) {
            return reject(location, soi, BatchProblem.UNKNOWN_AGENT, soi);
        }
        if (period == null) {
            return reject(location, soi, BatchProblem.MISSING_VALUE, "period");
        }
        YearMonth month;
        try {
            month = YearMonth.parse(period);
        } catch (DateTimeParseException e) {
            return reject(location, soi, BatchProblem.INVALID_PERIOD, period);
        }
        if (month.getYear() < 2000 || month.isAfter(latest)) {
            return reject(location, soi, BatchProblem.INVALID_PERIOD, period);
        }
        if (!seen.add(soi + "/" + month)) {
            return reject(location, soi, BatchProblem.DUPLICATE_IN_FILE, soi, period);
        }
        if (payslips.exists(agent, month)) {
            return reject(location, soi, BatchProblem.ALREADY_PUBLISHED, soi, period);
        }
        return new Key(agent, month);
    }

    @Nullable
    <T> T reject(String location, @Nullable String soi, BatchProblem problem, String... arguments) {
        rejected.add(new Rejection(location, soi, problem, List.of(arguments)));
        return null;
    }

    List<Rejection> rejected() {
        return rejected;
    }
}
