package org.guichet.request.documents;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.guichet.directory.AgentProfile;
import org.guichet.payslip.Payslip;
import org.guichet.payslip.PayslipAmounts;
import org.guichet.platform.DisplayZone;
import org.guichet.platform.DocumentSigner;
import org.guichet.platform.Employer;
import org.guichet.platform.PdfPages;
import org.guichet.request.RequestSettings;
import org.springframework.stereotype.Component;

/**
 * Certificates Guichet produces itself: the employer's identity, the agent's grade and dates, a unique reference and
 * the public address where anyone holding the paper can check it is authentic.
 */
@Component
public class Certificates {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private final PdfPages pages;
    private final DocumentSigner signer;
    private final Employer employer;
    private final RequestSettings settings;
    private final SecureRandom random = new SecureRandom();

    Certificates(PdfPages pages, DocumentSigner signer, Employer employer, RequestSettings settings) {
        this.pages = pages;
        this.signer = signer;
        this.employer = employer;
        this.settings = settings;
    }

    /**
     * A certificate.
     *
     * @param summary what it certifies, as the verification page says it
     */
    public record Certificate(String kind, String reference, String title, String summary, byte[] content) {}

    /** A reference no one can guess: a prefix and 10 characters (50 random bits). */
    public String reference(String prefix) {
        var text = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 10; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    /**
     * The salary certificate ("attestation de salaire") of an agent for the months from {@code first} to {@code last}:
     * the net pay of each published payslip, and their total.
     */
    public Certificate salary(
            AgentProfile agent, List<Payslip> payslips, YearMonth first, YearMonth last, Instant now) {
        var reference = reference("SAL");
        var issued = DisplayZone.DATE.format(DisplayZone.local(now));
        var known =
                payslips.stream().filter(payslip -> payslip.netPay() != null).toList();
        var total = known.stream().map(Payslip::netPay).reduce(BigDecimal.ZERO, BigDecimal::add);
        var period = MONTH.format(first) + " – " + MONTH.format(last);
        var summary = agent.displayName() + " (matricule " + agent.id().soi() + ") a perçu de " + employer.name()
                + ", de " + MONTH.format(first) + " à " + MONTH.format(last) + ", une rémunération nette de "
                + PayslipAmounts.euros(total) + " (" + known.size() + " bulletin(s) de paie).";
        var url = settings.verifyUrl() + "/verify/" + reference;
        var title = "Attestation de salaire – " + agent.displayName() + " – " + period;
        var content = pages.write(title, employer.name(), now, page -> {
            page.text(page.bold(), 11, PdfPages.LEFT, 790, employer.name());
            page.text(page.regular(), 9, PdfPages.LEFT, 776, employer.address());
            page.text(page.regular(), 9, PdfPages.LEFT, 764, "SIRET " + employer.siret());
            page.text(page.bold(), 18, PdfPages.LEFT, 700, "ATTESTATION DE SALAIRE");
            page.rule(690);
            var y = page.paragraph(
                    page.regular(),
                    11,
                    650,
                    "Je soussigné(e), " + employer.signatory() + " de " + employer.name() + ", certifie que "
                            + summary);
            y -= 6;
            for (var payslip : known) {
                page.text(page.regular(), 10, PdfPages.LEFT + 20, y, MONTH.format(payslip.period()));
                page.right(page.regular(), 10, 400, y, PayslipAmounts.euros(payslip.netPay()));
                y -= 14;
            }
            page.text(page.bold(), 10, PdfPages.LEFT + 20, y, "Total net");
            page.right(page.bold(), 10, 400, y, PayslipAmounts.euros(total));
            y = page.paragraph(
                    page.regular(),
                    11,
                    y - 24,
                    "Cette attestation est délivrée à l’intéressé(e) pour servir et valoir ce que de droit.");
            page.text(page.regular(), 11, 330, y - 30, "Fait à " + employer.city() + ", le " + issued + ".");
            page.text(page.regular(), 11, 330, y - 48, employer.signatory());
            page.rule(120);
            page.text(page.regular(), 9, PdfPages.LEFT, 104, "Référence : " + reference);
            page.text(page.regular(), 9, PdfPages.LEFT, 90, "Vérifier l’authenticité de ce document : " + url);
        });
        return new Certificate(
                RequestSettings.Produces.SALARY_CERTIFICATE.name(),
                reference,
                title,
                summary,
                signer.sign(content, "Attestation de salaire délivrée par Guichet, référence " + reference));
    }

    private static final java.time.format.DateTimeFormatter MONTH =
            java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.FRENCH);

    /** The employment certificate ("attestation employeur") of an agent, issued now. */
    public Certificate employment(AgentProfile agent, Instant now) {
        var reference = reference("ATT");
        var issued = DisplayZone.DATE.format(DisplayZone.local(now));
        var summary =
                agent.displayName() + " (matricule " + agent.id().soi() + ") est employé(e) par " + employer.name()
                        + (agent.hiredOn() == null ? "" : " depuis le " + DisplayZone.DATE.format(agent.hiredOn()))
                        + (agent.grade() == null ? "" : ", grade " + agent.grade())
                        + (agent.jobTitle() == null ? "" : ", en qualité de " + agent.jobTitle())
                        + ", au sein du service " + agent.departmentName() + ".";
        var url = settings.verifyUrl() + "/verify/" + reference;
        var title = "Attestation employeur – " + agent.displayName();
        var content = pages.write(title, employer.name(), now, page -> {
            page.text(page.bold(), 11, PdfPages.LEFT, 790, employer.name());
            page.text(page.regular(), 9, PdfPages.LEFT, 776, employer.address());
            page.text(page.regular(), 9, PdfPages.LEFT, 764, "SIRET " + employer.siret());
            page.text(page.bold(), 18, PdfPages.LEFT, 700, "ATTESTATION EMPLOYEUR");
            page.rule(690);
            var y = page.paragraph(
                    page.regular(),
                    11,
                    650,
                    "Je soussigné(e), " + employer.signatory() + " de " + employer.name() + ", certifie que "
                            + summary);
            y = page.paragraph(
                    page.regular(),
                    11,
                    y - 10,
                    "Cette attestation est délivrée à l’intéressé(e) pour servir et valoir ce que de droit.");
            page.text(page.regular(), 11, 330, y - 30, "Fait à " + employer.city() + ", le " + issued + ".");
            page.text(page.regular(), 11, 330, y - 48, employer.signatory());
            page.rule(120);
            page.text(page.regular(), 9, PdfPages.LEFT, 104, "Référence : " + reference);
            page.text(page.regular(), 9, PdfPages.LEFT, 90, "Vérifier l’authenticité de ce document : " + url);
        });
        return new Certificate(
                RequestSettings.Produces.EMPLOYMENT_CERTIFICATE.name(),
                reference,
                title,
                summary,
                signer.sign(content, "Attestation employeur délivrée par Guichet, référence " + reference));
    }
}
