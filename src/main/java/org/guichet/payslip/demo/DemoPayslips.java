package org.guichet.payslip.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.payslip.Payslip;
import org.guichet.payslip.PayslipBatch;
import org.guichet.payslip.PayslipId;
import org.guichet.payslip.domain.PayslipRepository;
import org.guichet.payslip.render.PayrollLine;
import org.guichet.payslip.render.PayslipRenderer;
import org.guichet.platform.DisplayZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo profile only: 24 months of payslips for every demo account, up to last month, rendered like a payroll CSV would
 * be and computed with the 2026 rules (point value, CNRACL 11.10 %, RAFP 5 % capped at 20 % of the basic salary, CSG
 * 9.2 % and CRDS 0.5 % on 98.25 % of gross pay). Accounts that already have payslips are left as they are; no agent is
 * notified.
 */
@Component
@Profile("demo")
@Order(200)
class DemoPayslips implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoPayslips.class);
    private static final int MONTHS = 24;
    /** The monthly value of one point of "indice majoré" since July 2023 (5,907.34 € a year for 100 points). */
    private static final BigDecimal POINT = new BigDecimal("4.922783");

    private final DirectoryManagement directory;
    private final PayslipRepository payslips;
    private final PayslipRenderer renderer;
    private final Clock clock;

    DemoPayslips(DirectoryManagement directory, PayslipRepository payslips, PayslipRenderer renderer, Clock clock) {
        this.directory = directory;
        this.payslips = payslips;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** Who is paid what: grade, echelon, indice majoré, working time, NBI points, monthly bonuses, family supplement. */
    record Pay(
            String soi,
            String grade,
            String echelon,
            int indice,
            int workingTime,
            int nbi,
            String bonuses,
            String family) {}

    static final List<Pay> PAY = List.of(
            new Pay("1000001", "Technicien principal de 2e classe", "6", 420, 100, 0, "310.00", "0.00"),
            new Pay("1000002", "Ingénieur territorial", "7", 560, 100, 25, "720.00", "73.79"),
            new Pay("1000003", "Rédacteur principal de 1re classe", "8", 480, 100, 15, "420.00", "2.29"),
            new Pay("1000004", "Technicien territorial", "5", 400, 100, 0, "350.00", "0.00"),
            new Pay("1000005", "Ingénieur principal", "6", 700, 100, 30, "950.00", "183.56"),
            new Pay("1000006", "Ingénieur territorial", "5", 620, 100, 0, "760.00", "0.00"),
            new Pay("1000007", "Adjoint technique territorial", "4", 366, 100, 0, "210.00", "73.79"),
            new Pay("1000008", "Rédacteur territorial", "6", 450, 80, 0, "330.00", "2.29"),
            new Pay("1000009", "Adjoint technique territorial", "1", 366, 100, 0, "180.00", "0.00"),
            new Pay("1000010", "Ingénieur en chef", "4", 830, 100, 40, "1450.00", "0.00"));

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        var last = YearMonth.from(DisplayZone.today(clock)).minusMonths(1);
        var written = 0;
        for (var pay : PAY) {
            var agent = directory.findById(AgentId.of(pay.soi())).orElse(null);
            if (agent == null || payslips.count(agent.id()) > 0) {
                continue;
            }
            var batch = UUID.randomUUID();
            var now = clock.instant();
            payslips.insertBatch(new PayslipBatch(batch, PayslipBatch.Kind.DEMO, null, null, now, MONTHS));
            for (int i = MONTHS - 1; i >= 0; i--) {
                var line = line(pay, last.minusMonths(i));
                var content = renderer.render(line, agent, now);
                payslips.insert(
                        new Payslip(PayslipId.random(), agent.id(), line.period(), line.netPay(), now, content.length),
                        batch,
                        content);
                written++;
            }
        }
        if (written > 0) {
            LOG.info("Demo payslips generated: {}", written);
        }
    }

    /** One month's pay, computed as a payroll system would. */
    static PayrollLine line(Pay pay, YearMonth period) {
        var share = BigDecimal.valueOf(pay.workingTime()).movePointLeft(2);
        var basic = cents(POINT.multiply(BigDecimal.valueOf(pay.indice())).multiply(share));
        var residence = cents(basic.multiply(new BigDecimal("0.01")));
        var nbi = cents(POINT.multiply(BigDecimal.valueOf(pay.nbi())).multiply(share));
        var bonuses = cents(new BigDecimal(pay.bonuses()).multiply(share));
        var family = new BigDecimal(pay.family());
        var pension = cents(basic.add(nbi).multiply(new BigDecimal("0.111")));
        var rafpBase = bonuses.add(residence).add(family).min(basic.multiply(new BigDecimal("0.20")));
        var rafp = cents(rafpBase.multiply(new BigDecimal("0.05")));
        var gross = basic.add(residence).add(family).add(nbi).add(bonuses);
        var csgBase = gross.multiply(new BigDecimal("0.9825"));
        var csgDeductible = cents(csgBase.multiply(new BigDecimal("0.068")));
        var csgOther = cents(csgBase.multiply(new BigDecimal("0.024")));
        var crds = cents(csgBase.multiply(new BigDecimal("0.005")));
        var net = gross.subtract(pension)
                .subtract(rafp)
                .subtract(csgDeductible)
                .subtract(csgOther)
                .subtract(crds);
        return new PayrollLine(
                AgentId.of(pay.soi()),
                period,
                pay.grade(),
                pay.echelon(),
                pay.indice(),
                pay.workingTime(),
                basic,
                residence,
                family,
                nbi,
                bonuses,
                pension,
                rafp,
                csgDeductible,
                csgOther,
                crds,
                net,
                net.add(csgOther).add(crds));
    }

    private static BigDecimal cents(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
