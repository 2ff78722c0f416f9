package org.guichet.payslip.publishing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Locale;
import java.util.UUID;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.payslip.BatchReport;
import org.guichet.payslip.Payslip;
import org.guichet.payslip.PayslipBatch;
import org.guichet.payslip.PayslipBatchPublished;
import org.guichet.payslip.PayslipError;
import org.guichet.payslip.PayslipId;
import org.guichet.payslip.PayslipPublished;
import org.guichet.payslip.PayslipSettings;
import org.guichet.payslip.domain.PayslipRepository;
import org.guichet.payslip.render.PayslipRenderer;
import org.guichet.platform.GuichetException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes a batch all or nothing. A first pass checks every row or file and writes nothing; only a batch without a
 * single problem is then written, in one transaction, with one {@link PayslipPublished} per agent (delivered once it
 * commits). A concurrent publication of the same payslips makes the later one fail whole.
 */
@Component
public class BatchPublisher {

    private final DirectoryManagement directory;
    private final PayslipRepository payslips;
    private final PayslipRenderer renderer;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final PayslipSettings settings;
    private final Clock clock;

    BatchPublisher(
            DirectoryManagement directory,
            PayslipRepository payslips,
            PayslipRenderer renderer,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            PayslipSettings settings,
            Clock clock) {
        this.directory = directory;
        this.payslips = payslips;
        this.renderer = renderer;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.settings = settings;
        this.clock = clock;
    }

    public BatchReport publish(String fileName, InputStreamSource file, AgentId by) {
        var kind = kind(fileName, file);
        var checks = checks();
        if (kind == PayslipBatch.Kind.CSV) {
            PayrollCsv.Read read;
            try (var in = file.getInputStream()) {
                read = PayrollCsv.read(in, checks);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bounded(read.rows());
            if (!checks.rejected().isEmpty()) {
                return new BatchReport(kind, fileName, read.rows(), null, checks.rejected());
            }
            var batch = write(kind, fileName, by, read.rows(), (id, now) -> {
                for (var line : read.lines()) {
                    insert(
                            id,
                            line.agent(),
                            line.period(),
                            line.netPay(),
                            renderer.render(line, profile(line.agent()), now),
                            now);
                }
            });
            return new BatchReport(kind, fileName, read.rows(), batch, checks.rejected());
        }
        var zip = new PayslipZip(file, settings.maxDocumentSize().toBytes(), settings.maxBatch());
        var items = zip.check(checks);
        if (!checks.rejected().isEmpty()) {
            return new BatchReport(kind, fileName, items, null, checks.rejected());
        }
        var batch = write(kind, fileName, by, items, (id, now) -> {
            var again = checks();
            zip.each(again, entry -> insert(id, entry.key().agent(), entry.key().period(), null, entry.content(), now));
            if (!again.rejected().isEmpty()) {
                throw new GuichetException(PayslipError.PUBLISHED_MEANWHILE);
            }
        });
        return new BatchReport(kind, fileName, items, batch, checks.rejected());
    }

    private interface Writing {
        void write(UUID batch, Instant now);
    }

    private UUID write(PayslipBatch.Kind kind, String fileName, AgentId by, int count, Writing writing) {
        var id = UUID.randomUUID();
        try {
            transaction.executeWithoutResult(status -> {
                var now = clock.instant();
                payslips.insertBatch(new PayslipBatch(id, kind, fileName, by, now, count));
                writing.write(id, now);
                events.publishEvent(new PayslipBatchPublished(id, kind, fileName, count, by, now));
            });
        } catch (DuplicateKeyException e) {
            throw new GuichetException(PayslipError.PUBLISHED_MEANWHILE, e);
        }
        return id;
    }

    private void insert(
            UUID batch, AgentId agent, YearMonth period, @Nullable BigDecimal net, byte[] content, Instant now) {
        var payslip = new Payslip(PayslipId.random(), agent, period, net, now, content.length);
        payslips.insert(payslip, batch, content);
        events.publishEvent(new PayslipPublished(payslip.id(), agent, payslip.period(), now));
    }

    private BatchChecks checks() {
        return new BatchChecks(directory, payslips, clock);
    }

    private org.guichet.directory.AgentProfile profile(AgentId agent) {
        return directory.findById(agent).orElseThrow(() -> new GuichetException(PayslipError.PUBLISHED_MEANWHILE));
    }

    private void bounded(int items) {
        if (items == 0) {
            throw new GuichetException(PayslipError.EMPTY_BATCH);
        }
        if (items > settings.maxBatch()) {
            throw new GuichetException(PayslipError.TOO_MANY_PAYSLIPS, settings.maxBatch());
        }
    }

    /** A CSV or a ZIP, by its name, else by its first bytes. */
    private static PayslipBatch.Kind kind(String fileName, InputStreamSource file) {
        var name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return PayslipBatch.Kind.CSV;
        }
        if (name.endsWith(".zip")) {
            return PayslipBatch.Kind.ZIP;
        }
        try (var in = file.getInputStream()) {
            var start = in.readNBytes(4);
            if (start.length == 4 && start[0] == 'P' && start[1] == 'K' && start[2] == 3 && start[3] == 4) {
                return PayslipBatch.Kind.ZIP;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new GuichetException(PayslipError.UNKNOWN_FILE_KIND);
    }
}
