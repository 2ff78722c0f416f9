package org.guichet.payslip.domain;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guichet.directory.AgentId;
import org.guichet.payslip.Payslip;
import org.guichet.payslip.PayslipBatch;
import org.guichet.payslip.PayslipId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Payslips, their PDFs and their batches. */
@Repository
public class PayslipRepository {

    private static final String COLUMNS = "id, soi, period, net_pay, published_at, size";

    private final JdbcClient jdbc;

    PayslipRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An agent's payslips, newest first. */
    public List<Payslip> of(AgentId agent) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payslip WHERE soi = ? ORDER BY period DESC")
                .param(agent.soi())
                .query(PayslipRepository::payslip)
                .list();
    }

    public Optional<Payslip> find(PayslipId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payslip WHERE id = ?")
                .param(id.value())
                .query(PayslipRepository::payslip)
                .optional();
    }

    public byte[] content(PayslipId id) {
        return jdbc.sql("SELECT content FROM payslip_document WHERE payslip_id = ?")
                .param(id.value())
                .query((rs, row) -> rs.getBytes(1))
                .single();
    }

    public boolean exists(AgentId agent, YearMonth period) {
        return jdbc.sql("SELECT COUNT(*) FROM payslip WHERE soi = ? AND period = ?")
                        .params(agent.soi(), period.toString())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public int count(AgentId agent) {
        return jdbc.sql("SELECT COUNT(*) FROM payslip WHERE soi = ?")
                .param(agent.soi())
                .query(Integer.class)
                .single();
    }

    public void insertBatch(PayslipBatch batch) {
        jdbc.sql("""
                        INSERT INTO payslip_batch (id, kind, file_name, published_by, published_at, payslips)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(
                        batch.id(),
                        batch.kind().name(),
                        batch.fileName(),
                        batch.publishedBy() == null ? null : batch.publishedBy().soi(),
                        Timestamp.from(batch.publishedAt()),
                        batch.payslips())
                .update();
    }

    public void updateBatchCount(UUID batch, int payslips) {
        jdbc.sql("UPDATE payslip_batch SET payslips = ? WHERE id = ?")
                .params(payslips, batch)
                .update();
    }

    public void insert(Payslip payslip, UUID batch, byte[] content) {
        jdbc.sql("""
                        INSERT INTO payslip (id, soi, period, net_pay, batch_id, published_at, size)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        payslip.id().value(),
                        payslip.agent().soi(),
                        payslip.period().toString(),
                        payslip.netPay(),
                        batch,
                        Timestamp.from(payslip.publishedAt()),
                        content.length)
                .update();
        jdbc.sql("INSERT INTO payslip_document (payslip_id, content) VALUES (?, ?)")
                .params(payslip.id().value(), content)
                .update();
    }

    /** The latest batches, newest first. */
    public List<PayslipBatch> batches(int limit) {
        return jdbc.sql("SELECT * FROM payslip_batch WHERE kind <> 'DEMO' ORDER BY published_at DESC LIMIT ?")
                .param(limit)
                .query((rs, row) -> new PayslipBatch(
                        rs.getObject("id", UUID.class),
                        PayslipBatch.Kind.valueOf(rs.getString("kind")),
                        rs.getString("file_name"),
                        agent(rs.getString("published_by")),
                        rs.getTimestamp("published_at").toInstant(),
                        rs.getInt("payslips")))
                .list();
    }

    private static @Nullable AgentId agent(@Nullable String soi) {
        return soi == null ? null : AgentId.of(soi);
    }

    private static Payslip payslip(ResultSet rs, int row) throws SQLException {
        BigDecimal net = rs.getBigDecimal("net_pay");
        Instant published = rs.getTimestamp("published_at").toInstant();
        return new Payslip(
                new PayslipId(rs.getObject("id", UUID.class)),
                AgentId.of(rs.getString("soi")),
                YearMonth.parse(rs.getString("period").strip()),
                net,
                published,
                rs.getInt("size"));
    }
}
