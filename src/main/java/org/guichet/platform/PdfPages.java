package org.guichet.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.GregorianCalendar;
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
import org.springframework.stereotype.Component;

/**
 * One-page A4 documents (payslips, certificates) written with PDFBox in DejaVu Sans, embedded as subsets so that any
 * name prints as written and the text can be searched and read aloud. The fonts are parsed once; reading their glyphs
 * is not thread-safe, so documents are written one at a time.
 */
@Component
public class PdfPages {

    /** The left and right margins, in points. */
    public static final float LEFT = 40;

    public static final float RIGHT = 555;

    private final TrueTypeFont regular = font("DejaVuSans.ttf");
    private final TrueTypeFont bold = font("DejaVuSans-Bold.ttf");

    /** What goes on the page. */
    @FunctionalInterface
    public interface Drawing {
        void draw(Page page) throws IOException;
    }

    /** Writes a one-page French document. */
    public synchronized byte[] write(String title, String author, Instant created, Drawing drawing) {
        try (var document = new PDDocument()) {
            var pdPage = new PDPage(PDRectangle.A4);
            document.addPage(pdPage);
            var regularFont = PDType0Font.load(document, regular, true);
            var boldFont = PDType0Font.load(document, bold, true);
            try (var content = new PDPageContentStream(document, pdPage)) {
                drawing.draw(new Page(content, regularFont, boldFont));
            }
            var info = document.getDocumentInformation();
            info.setTitle(title);
            info.setAuthor(author);
            info.setCreator("Guichet");
            info.setCreationDate(GregorianCalendar.from(created.atZone(DisplayZone.ZONE)));
            document.getDocumentCatalog().setLanguage("fr-FR");
            var out = new ByteArrayOutputStream(32 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text and rules on the page being written. */
    public record Page(PDPageContentStream content, PDFont regular, PDFont bold) {

        public void text(PDFont font, float size, float x, float y, String text) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(text);
            content.endText();
        }

        /** Text ending at {@code x}. */
        public void right(PDFont font, float size, float x, float y, String text) throws IOException {
            text(font, size, x - font.getStringWidth(text) / 1000 * size, y, text);
        }

        /** A paragraph wrapped to the margins; gives the baseline below its last line. */
        public float paragraph(PDFont font, float size, float y, String text) throws IOException {
            var line = new StringBuilder();
            var baseline = y;
            for (var word : text.split(" ")) {
                var candidate = line.isEmpty() ? word : line + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size > RIGHT - LEFT && !line.isEmpty()) {
                    text(font, size, LEFT, baseline, line.toString());
                    baseline -= size * 1.5f;
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            if (!line.isEmpty()) {
                text(font, size, LEFT, baseline, line.toString());
                baseline -= size * 1.5f;
            }
            return baseline;
        }

        public void rule(float y) throws IOException {
            content.setLineWidth(0.5f);
            content.moveTo(LEFT, y);
            content.lineTo(RIGHT, y);
            content.stroke();
        }

        public void shade(float y, float height) throws IOException {
            content.setNonStrokingColor(0.92f, 0.93f, 0.95f);
            content.addRect(LEFT, y, RIGHT - LEFT, height);
            content.fill();
            content.setNonStrokingColor(0f, 0f, 0f);
        }
    }

    private static TrueTypeFont font(String name) {
        try (InputStream in = PdfPages.class.getResourceAsStream("/fonts/" + name)) {
            return new TTFParser()
                    .parse(new RandomAccessReadBuffer(
                            Objects.requireNonNull(in, name).readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
