package org.guichet.payslip.render;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.AgentStatus;
import org.guichet.directory.Role;
import org.guichet.leave.domain.WorkingDays;
import org.guichet.platform.Employer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CPU cost of the agent space's hot functions: rendering one payslip from payroll lines (what a CSV batch pays per
 * row), and counting the working days of a three-week leave request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class AgentSpaceBenchmarks {

    private PayslipRenderer renderer;
    private PayrollLine line;
    private AgentProfile agent;

    @Setup
    public void setUp() {
        renderer = new PayslipRenderer(new Employer("Ville d'Exemple", "Hôtel de ville, 1 place de la Mairie",
                "219 900 000 00018", "Exemple", "Le directeur des ressources humaines", null, null), new org.guichet.platform.PdfPages());
        var id = AgentId.of("1000001");
        agent = new AgentProfile(id, "camille.martin", "camille.martin@ville.example", "Camille", "Martin", "VOIRIE",
                "Service voirie et déplacements", null, "Technicienne voirie", "Technicien principal de 2e classe",
                LocalDate.of(2016, 4, 11), null, AgentStatus.ACTIVE, false,
                Set.of(Role.AGENT));
        line = new PayrollLine(id, YearMonth.of(2026, 10), "Technicien principal de 2e classe", "6", 420, 100,
                new BigDecimal("2067.57"), new BigDecimal("20.68"), BigDecimal.ZERO.setScale(2),
                BigDecimal.ZERO.setScale(2), new BigDecimal("310.00"), new BigDecimal("229.50"), new BigDecimal("16.53"),
                new BigDecimal("160.23"), new BigDecimal("56.55"), new BigDecimal("11.78"), new BigDecimal("1923.66"),
                new BigDecimal("1991.99"));
    }

    /** One payslip rendered into PDF (fonts subset and embedded). */
    @Benchmark
    public byte[] renderPayslip() {
        return renderer.render(line, agent, Instant.parse("2026-10-28T08:00:00Z"));
    }

    /** The working days of three weeks across Ascension and Whit Monday, with half days and a day off each week. */
    @Benchmark
    public WorkingDays.Count countWorkingDays() {
        return WorkingDays.count(LocalDate.of(2026, 5, 11), LocalDate.of(2026, 5, 29), true, true,
                Set.of(DayOfWeek.WEDNESDAY), false);
    }
}
