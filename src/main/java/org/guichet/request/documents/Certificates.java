package org.guichet.request.documents;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.guichet.directory.AgentProfile;
import org.guichet.payslip.Payslip;
import org.guichet.platform.DisplayNumbers;
import org.guichet.platform.DisplayZone;
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
        var known =
                payslips.stream().filter(payslip -> payslip.netPay() != null).toList();
        var total = known.stream().map(Payslip::netPay).reduce(BigDecimal.ZERO, BigDecimal::add);
        var summary = agent.displayName() + " (matricule " + agent.id().soi() + ") a perçu de " + employer.name()
                + ", de " + MONTH.format(first) + " à " + MONTH.format(last) + ", une rémunération nette de "
                + DisplayNumbers.euros(total) + " (" + known.size() + " bulletin(s) de paie).";
        var title = "Attestation de salaire – " + agent.displayName() + " – " + MONTH.format(first) + " – "
                + MONTH.format(last);
        return certificate(
                RequestSettings.Produces.SALARY_CERTIFICATE,
                "SAL",
                "ATTESTATION DE SALAIRE",
                title,
                summary,
                now,
                (page, top) -> {
                    var y = top - 6;
                    for (var payslip : known) {
                        page.text(page.regular(), 10, PdfPages.LEFT + 20, y, MONTH.format(payslip.period()));
                        page.right(page.regular(), 10, 400, y, DisplayNumbers.euros(payslip.netPay()));
                        y -= 14;
                    }
                    page.text(page.bold(), 10, PdfPages.LEFT + 20, y, "Total net");
                    page.right(page.bold(), 10, 400, y, DisplayNumbers.euros(total));
                    return y - 14;
                });
    }

    private static final java.time.format.DateTimeFormatter MONTH =
            java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.FRENCH);

    /** The employment certificate ("attestation employeur") of an agent, issued now. */
    public Certificate employment(AgentProfile agent, Instant now) {
        var summary =
                agent.displayName() + " (matricule " + agent.id().soi() + ") est employé(e) par " + employer.name()
                        + (agent.hiredOn() == null ? "" : " depuis le " + DisplayZone.DATE.format(agent.hiredOn()))
                        + (agent.grade() == null ? "" : ", grade " + agent.grade())
                        + (agent.jobTitle() == null ? "" : ", en qualité de " + agent.jobTitle())
                        + ", au sein du service " + agent.departmentName() + ".";
        return certificate(
                RequestSettings.Produces.EMPLOYMENT_CERTIFICATE,
                "ATT",
                "ATTESTATION EMPLOYEUR",
                "Attestation employeur – " + agent.displayName(),
                summary,
                now,
                (page, y) -> y);
    }

    /** What a certificate adds below its statement; gives the baseline below it. */
    @FunctionalInterface
    private interface Details {
        float draw(PdfPages.Page page, float y) throws java.io.IOException;
    }

    /**
     * A certificate: the employer, the heading, the signatory's statement ("certifie que" and the summary), the
     * details, the place, date and signatory, then the reference and the verification address; signed.
     */
    private Certificate certificate(
            RequestSettings.Produces kind,
            String prefix,
            String heading,
            String title,
            String summary,
            Instant now,
            Details details) {
        var reference = reference(prefix);
        var issued = DisplayZone.DATE.format(DisplayZone.local(now));
        var url = settings.verifyUrl() + "/verify/" + reference;
        var content = pages.write(title, employer.name(), now, page -> {
            page.text(page.bold(), 11, PdfPages.LEFT, 790, employer.name());
            page.text(page.regular(), 9, PdfPages.LEFT, 776, employer.address());
            page.text(page.regular(), 9, PdfPages.LEFT, 764, "SIRET " + employer.siret());
            page.text(page.bold(), 18, PdfPages.LEFT, 700, heading);
            page.rule(690);
            var y = page.paragraph(
                    page.regular(),
                    11,
                    650,
                    "Je soussigné(e), " + employer.signatory() + " de " + employer.name() + ", certifie que "
                            + summary);
            y = details.draw(page, y);
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
        var signed = signer.sign(content, title + ", référence " + reference);
        return new Certificate(kind.name(), reference, title, summary, signed);
    }
}
