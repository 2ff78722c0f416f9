package org.guichet.testing;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Payslips for the test's own agents, as HR publishes them (a small PDF each). */
public final class TestPayslips {

    private TestPayslips() {}

    /** Publishes a payslip of October 2026 for the agent. */
    public static void publish(JdbcClient jdbc, Agents.TestAgent person) {
        var batch = UUID.randomUUID();
        var payslip = UUID.randomUUID();
        var pdf = "%PDF-1.4\n% bulletin de test\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        var now = Timestamp.from(Instant.now());
        jdbc.sql("INSERT INTO payslip_batch (id, kind, published_at, payslips) VALUES (?, 'DEMO', ?, 1)")
                .params(batch, now)
                .update();
        jdbc.sql(
                        "INSERT INTO payslip (id, soi, period, batch_id, published_at, size) VALUES (?, ?, '2026-10', ?, ?, ?)")
                .params(payslip, person.soi(), batch, now, pdf.length)
                .update();
        jdbc.sql("INSERT INTO payslip_document (payslip_id, content) VALUES (?, ?)")
                .params(payslip, pdf)
                .update();
    }
}
