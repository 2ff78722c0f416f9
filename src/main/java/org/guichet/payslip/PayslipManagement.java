package org.guichet.payslip;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.guichet.directory.AgentId;
import org.guichet.payslip.domain.PayslipRepository;
import org.guichet.payslip.publishing.BatchPublisher;
import org.guichet.platform.GuichetException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What agents, HR and other modules may do with payslips. An agent reaches only their own: another agent's payslip is
 * "not found", exactly like a missing one. HR opens an agent's payslip only with a reason, and each opening, like each
 * download, is published for the journal.
 */
@Service
public class PayslipManagement {

    /** The longest reason HR may give. */
    public static final int REASON_MAX_LENGTH = 500;

    private final PayslipRepository payslips;
    private final BatchPublisher publisher;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PayslipManagement(
            PayslipRepository payslips, BatchPublisher publisher, ApplicationEventPublisher events, Clock clock) {
        this.payslips = payslips;
        this.publisher = publisher;
        this.events = events;
        this.clock = clock;
    }

    /** The agent's payslips, newest first. */
    @Transactional(readOnly = true)
    public List<Payslip> payslips(AgentId agent) {
        return payslips.of(agent);
    }

    @Transactional(readOnly = true)
    public Optional<Payslip> latest(AgentId agent) {
        return payslips.of(agent).stream().findFirst();
    }

    /** The agent's own payslip with its PDF; {@link PayslipError#PAYSLIP_NOT_FOUND} for anyone else's. */
    @Transactional
    public PayslipDocument download(AgentId agent, PayslipId id) {
        var payslip = payslips.find(id)
                .filter(found -> found.agent().equals(agent))
                .orElseThrow(() -> new GuichetException(PayslipError.PAYSLIP_NOT_FOUND));
        events.publishEvent(new PayslipDownloaded(id, agent, payslip.period(), clock.instant()));
        return new PayslipDocument(payslip, payslips.content(id));
    }

    /** An agent's payslips as the HR back office lists them (without their content). */
    @Transactional(readOnly = true)
    public List<Payslip> payslipsForHr(AgentId agent) {
        return payslips.of(agent);
    }

    /** Opens an agent's payslip for HR, who must say why; the opening is published with the reason. */
    @Transactional
    public PayslipDocument openForHr(AgentId hr, PayslipId id, @Nullable String reason) {
        var why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new GuichetException(PayslipError.REASON_REQUIRED);
        }
        if (why.length() > REASON_MAX_LENGTH) {
            throw new GuichetException(PayslipError.REASON_TOO_LONG, REASON_MAX_LENGTH);
        }
        var payslip = payslips.find(id).orElseThrow(() -> new GuichetException(PayslipError.PAYSLIP_NOT_FOUND));
        events.publishEvent(new PayslipOpenedByHr(id, payslip.agent(), payslip.period(), hr, why, clock.instant()));
        return new PayslipDocument(payslip, payslips.content(id));
    }

    /**
     * Publishes a month's payslips from a ZIP of PDFs or a CSV of payroll lines (by the file's name, else its content),
     * all or nothing: the report lists every wrong row or file, and then nothing is published.
     */
    public BatchReport publish(String fileName, InputStreamSource file, AgentId by) {
        return publisher.publish(fileName, file, by);
    }

    /** The latest published batches, newest first. */
    @Transactional(readOnly = true)
    public List<PayslipBatch> batches() {
        return payslips.batches(20);
    }
}
