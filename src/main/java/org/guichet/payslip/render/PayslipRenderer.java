package org.guichet.payslip.render;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.guichet.directory.AgentProfile;
import org.guichet.platform.DisplayZone;
import org.guichet.platform.Employer;
import org.guichet.platform.PdfPages;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Renders payroll lines into a one-page A4 payslip in the layout of the French territorial civil service: employer and
 * agent, the pay elements (basic salary from the "indice majoré", residence allowance, family supplement, NBI,
 * bonuses), the deductions (CNRACL, RAFP, CSG, CRDS), net pay and taxable net. Text uses an embedded DejaVu Sans
 * subset, so that any name prints as written and the text can be searched and read aloud.
 */
@Component
public class PayslipRenderer {

    private static final float LEFT = PdfPages.LEFT;
    private static final float RIGHT = PdfPages.RIGHT;
    private static final float BASE_COLUMN = 340;
    private static final float PAY_COLUMN = 450;
    private static final float DEDUCTION_COLUMN = RIGHT;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);

    private final Employer employer;
    private final PdfPages pages;

    PayslipRenderer(Employer employer, PdfPages pages) {
        this.employer = employer;
        this.pages = pages;
    }

    /** An amount as payslips write it: {@code 2 345,67}. */
    public static String amount(BigDecimal value) {
        return org.guichet.platform.DisplayNumbers.amount(value);
    }

    public byte[] render(PayrollLine line, AgentProfile agent, Instant publishedAt) {
        var period = capitalized(MONTH.format(line.period()));
        return pages.write(
                "Bulletin de paie – " + period + " – " + agent.displayName(), employer.name(), publishedAt, page -> {
                    header(page, period, line, agent);
                    var y = table(page, line, 640);
                    totals(page, line, y - 24);
                    page.text(
                            page.regular(),
                            8,
                            LEFT,
                            70,
                            "Dans votre intérêt, et pour vous aider à faire valoir vos droits, conservez ce bulletin"
                                    + " de paie sans limitation de durée.");
                    page.text(
                            page.regular(),
                            8,
                            LEFT,
                            58,
                            "Publié dans Guichet le " + DisplayZone.DATE.format(DisplayZone.local(publishedAt))
                                    + ". Matricule " + agent.id().soi() + ", période " + line.period() + ".");
                });
    }

    private void header(PdfPages.Page page, String period, PayrollLine line, AgentProfile agent) throws IOException {
        page.text(page.bold(), 16, LEFT, 795, "BULLETIN DE PAIE");
        page.right(page.bold(), 13, RIGHT, 795, period);
        page.rule(782);
        var employerLines = List.of(employer.address(), "SIRET " + employer.siret());
        page.text(page.bold(), 10, LEFT, 764, employer.name());
        var y = 750f;
        for (var text : employerLines) {
            page.text(page.regular(), 9, LEFT, y, text);
            y -= 12;
        }
        var agentLines = new ArrayList<String>();
        agentLines.add("Matricule : " + agent.id().soi());
        if (agent.jobTitle() != null) {
            agentLines.add("Emploi : " + agent.jobTitle());
        }
        agentLines.add("Service : " + agent.departmentName());
        agentLines.add("Grade : " + line.grade());
        agentLines.add((line.echelon() == null ? "" : "Échelon : " + line.echelon() + " – ") + "Indice majoré : "
                + line.indiceMajore());
        agentLines.add("Quotité de travail : " + line.workingTime() + " %");
        page.text(page.bold(), 10, 320, 764, agent.displayName());
        y = 750f;
        for (var text : agentLines) {
            page.text(page.regular(), 9, 320, y, text);
            y -= 12;
        }
    }

    private float table(PdfPages.Page page, PayrollLine line, float top) throws IOException {
        page.shade(top - 4, 16);
        page.text(page.bold(), 9, LEFT + 4, top, "Élément de paie");
        page.right(page.bold(), 9, BASE_COLUMN, top, "Base");
        page.right(page.bold(), 9, PAY_COLUMN, top, "À payer (€)");
        page.right(page.bold(), 9, DEDUCTION_COLUMN - 4, top, "À déduire (€)");
        var y = top - 20;
        y = row(page, y, "Traitement indiciaire brut", "IM " + line.indiceMajore(), line.basicSalary(), null, true);
        y = row(page, y, "Indemnité de résidence", null, line.residence(), null, false);
        y = row(page, y, "Supplément familial de traitement", null, line.family(), null, false);
        y = row(page, y, "Nouvelle bonification indiciaire (NBI)", null, line.nbi(), null, false);
        y = row(page, y, "Primes et indemnités", null, line.bonuses(), null, false);
        page.rule(y + 8);
        y = total(page, y - 4, "Rémunération brute", line.gross(), PAY_COLUMN);
        y = row(page, y - 4, "Retenue pour pension civile (CNRACL)", null, null, line.pension(), true);
        y = row(page, y, "Retraite additionnelle de la fonction publique (RAFP)", null, null, line.rafp(), false);
        y = row(page, y, "CSG déductible", null, null, line.csgDeductible(), true);
        y = row(page, y, "CSG non déductible", null, null, line.csgNonDeductible(), true);
        y = row(page, y, "CRDS", null, null, line.crds(), true);
        page.rule(y + 8);
        return total(page, y - 4, "Total des retenues", line.deductions(), DEDUCTION_COLUMN - 4);
    }

    private float row(
            PdfPages.Page page,
            float y,
            String label,
            @Nullable String base,
            @Nullable BigDecimal pay,
            @Nullable BigDecimal deduction,
            boolean always)
            throws IOException {
        var value = pay != null ? pay : Objects.requireNonNull(deduction);
        if (!always && value.signum() == 0) {
            return y;
        }
        page.text(page.regular(), 9, LEFT + 4, y, label);
        if (base != null) {
            page.right(page.regular(), 9, BASE_COLUMN, y, base);
        }
        page.right(page.regular(), 9, pay != null ? PAY_COLUMN : DEDUCTION_COLUMN - 4, y, amount(value));
        return y - 15;
    }

    private float total(PdfPages.Page page, float y, String label, BigDecimal value, float column) throws IOException {
        page.text(page.bold(), 9, LEFT + 4, y, label);
        page.right(page.bold(), 9, column, y, amount(value));
        return y - 18;
    }

    private void totals(PdfPages.Page page, PayrollLine line, float y) throws IOException {
        page.shade(y - 10, 30);
        page.text(page.bold(), 13, LEFT + 4, y, "NET À PAYER");
        page.right(page.bold(), 13, DEDUCTION_COLUMN - 4, y, amount(line.netPay()) + " €");
        page.text(page.regular(), 9, LEFT + 4, y - 28, "Net imposable");
        page.right(page.regular(), 9, DEDUCTION_COLUMN - 4, y - 28, amount(line.taxableNet()) + " €");
        page.text(
                page.regular(),
                9,
                LEFT + 4,
                y - 42,
                "Rémunération brute " + amount(line.gross()) + " € – retenues " + amount(line.deductions()) + " €");
    }

    private static String capitalized(String text) {
        return text.substring(0, 1).toUpperCase(Locale.FRENCH) + text.substring(1);
    }
}
