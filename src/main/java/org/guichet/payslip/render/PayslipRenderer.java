package org.guichet.payslip.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.guichet.directory.AgentProfile;
import org.guichet.platform.DisplayZone;
import org.guichet.platform.Employer;
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

    private static final float LEFT = 40;
    private static final float RIGHT = 555;
    private static final float BASE_COLUMN = 340;
    private static final float PAY_COLUMN = 450;
    private static final float DEDUCTION_COLUMN = RIGHT;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);

    /** Parsed once; reading glyphs is not thread-safe, so rendering is serialised (about 10 ms a payslip). */
    private final TrueTypeFont regular = font("DejaVuSans.ttf");

    private final TrueTypeFont bold = font("DejaVuSans-Bold.ttf");
    private final Employer employer;

    PayslipRenderer(Employer employer) {
        this.employer = employer;
    }

    /** An amount as payslips write it: {@code 2 345,67}. */
    public static String amount(BigDecimal value) {
        var symbols = new DecimalFormatSymbols(Locale.FRENCH);
        symbols.setGroupingSeparator(' ');
        symbols.setDecimalSeparator(',');
        return new DecimalFormat("#,##0.00", symbols).format(value);
    }

    public synchronized byte[] render(PayrollLine line, AgentProfile agent, Instant publishedAt) {
        try (var document = new PDDocument()) {
            var page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            var fonts = new Fonts(load(document, regular), load(document, bold));
            var period = capitalized(MONTH.format(line.period()));
            try (var content = new PDPageContentStream(document, page)) {
                var writer = new Writer(content, fonts);
                header(writer, period, line, agent);
                var y = table(writer, line, 640);
                totals(writer, line, y - 24);
                writer.text(
                        fonts.regular,
                        8,
                        LEFT,
                        70,
                        "Dans votre intérêt, et pour vous aider à faire valoir vos droits, conservez ce bulletin de paie"
                                + " sans limitation de durée.");
                writer.text(
                        fonts.regular,
                        8,
                        LEFT,
                        58,
                        "Publié dans Guichet le "
                                + DisplayZone.DATE.format(DisplayZone.local(publishedAt))
                                + ". Matricule "
                                + agent.id().soi()
                                + ", période "
                                + line.period()
                                + ".");
            }
            var info = document.getDocumentInformation();
            info.setTitle("Bulletin de paie – " + period + " – " + agent.displayName());
            info.setAuthor(employer.name());
            info.setCreator("Guichet");
            info.setCreationDate(GregorianCalendar.from(publishedAt.atZone(DisplayZone.ZONE)));
            document.getDocumentCatalog().setLanguage("fr-FR");
            var out = new ByteArrayOutputStream(32 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void header(Writer writer, String period, PayrollLine line, AgentProfile agent) throws IOException {
        var fonts = writer.fonts;
        writer.text(fonts.bold, 16, LEFT, 795, "BULLETIN DE PAIE");
        writer.right(fonts.bold, 13, RIGHT, 795, period);
        writer.rule(782);
        var employerLines = List.of(employer.address(), "SIRET " + employer.siret());
        writer.text(fonts.bold, 10, LEFT, 764, employer.name());
        var y = 750f;
        for (var text : employerLines) {
            writer.text(fonts.regular, 9, LEFT, y, text);
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
        writer.text(fonts.bold, 10, 320, 764, agent.displayName());
        y = 750f;
        for (var text : agentLines) {
            writer.text(fonts.regular, 9, 320, y, text);
            y -= 12;
        }
    }

    private float table(Writer writer, PayrollLine line, float top) throws IOException {
        var fonts = writer.fonts;
        writer.shade(top - 4, 16);
        writer.text(fonts.bold, 9, LEFT + 4, top, "Élément de paie");
        writer.right(fonts.bold, 9, BASE_COLUMN, top, "Base");
        writer.right(fonts.bold, 9, PAY_COLUMN, top, "À payer (€)");
        writer.right(fonts.bold, 9, DEDUCTION_COLUMN - 4, top, "À déduire (€)");
        var y = top - 20;
        y = row(writer, y, "Traitement indiciaire brut", "IM " + line.indiceMajore(), line.basicSalary(), null, true);
        y = row(writer, y, "Indemnité de résidence", null, line.residence(), null, false);
        y = row(writer, y, "Supplément familial de traitement", null, line.family(), null, false);
        y = row(writer, y, "Nouvelle bonification indiciaire (NBI)", null, line.nbi(), null, false);
        y = row(writer, y, "Primes et indemnités", null, line.bonuses(), null, false);
        writer.rule(y + 8);
        y = total(writer, y - 4, "Rémunération brute", line.gross(), PAY_COLUMN);
        y = row(writer, y - 4, "Retenue pour pension civile (CNRACL)", null, null, line.pension(), true);
        y = row(writer, y, "Retraite additionnelle de la fonction publique (RAFP)", null, null, line.rafp(), false);
        y = row(writer, y, "CSG déductible", null, null, line.csgDeductible(), true);
        y = row(writer, y, "CSG non déductible", null, null, line.csgNonDeductible(), true);
        y = row(writer, y, "CRDS", null, null, line.crds(), true);
        writer.rule(y + 8);
        return total(writer, y - 4, "Total des retenues", line.deductions(), DEDUCTION_COLUMN - 4);
    }

    private float row(
            Writer writer,
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
        var fonts = writer.fonts;
        writer.text(fonts.regular, 9, LEFT + 4, y, label);
        if (base != null) {
            writer.right(fonts.regular, 9, BASE_COLUMN, y, base);
        }
        writer.right(fonts.regular, 9, pay != null ? PAY_COLUMN : DEDUCTION_COLUMN - 4, y, amount(value));
        return y - 15;
    }

    private float total(Writer writer, float y, String label, BigDecimal value, float column) throws IOException {
        writer.text(writer.fonts.bold, 9, LEFT + 4, y, label);
        writer.right(writer.fonts.bold, 9, column, y, amount(value));
        return y - 18;
    }

    private void totals(Writer writer, PayrollLine line, float y) throws IOException {
        var fonts = writer.fonts;
        writer.shade(y - 10, 30);
        writer.text(fonts.bold, 13, LEFT + 4, y, "NET À PAYER");
        writer.right(fonts.bold, 13, DEDUCTION_COLUMN - 4, y, amount(line.netPay()) + " €");
        writer.text(fonts.regular, 9, LEFT + 4, y - 28, "Net imposable");
        writer.right(fonts.regular, 9, DEDUCTION_COLUMN - 4, y - 28, amount(line.taxableNet()) + " €");
        writer.text(
                fonts.regular,
                9,
                LEFT + 4,
                y - 42,
                "Rémunération brute " + amount(line.gross()) + " € – retenues " + amount(line.deductions()) + " €");
    }

    private static String capitalized(String text) {
        return text.substring(0, 1).toUpperCase(Locale.FRENCH) + text.substring(1);
    }

    private static PDFont load(PDDocument document, TrueTypeFont font) throws IOException {
        return PDType0Font.load(document, font, true);
    }

    private static TrueTypeFont font(String name) {
        try (InputStream in = PayslipRenderer.class.getResourceAsStream("/fonts/" + name)) {
            return new TTFParser()
                    .parse(new RandomAccessReadBuffer(
                            Objects.requireNonNull(in, name).readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Fonts(PDFont regular, PDFont bold) {}

    /** Text and rules on one page. */
    private record Writer(PDPageContentStream content, Fonts fonts) {

        void text(PDFont font, float size, float x, float y, String text) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(text);
            content.endText();
        }

        void right(PDFont font, float size, float x, float y, String text) throws IOException {
            text(font, size, x - font.getStringWidth(text) / 1000 * size, y, text);
        }

        void rule(float y) throws IOException {
            content.setLineWidth(0.5f);
            content.moveTo(LEFT, y);
            content.lineTo(RIGHT, y);
            content.stroke();
        }

        void shade(float y, float height) throws IOException {
            content.setNonStrokingColor(0.92f, 0.93f, 0.95f);
            content.addRect(LEFT, y, RIGHT - LEFT, height);
            content.fill();
            content.setNonStrokingColor(0f, 0f, 0f);
        }
    }
}
