package org.guichet.payslip.publishing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.guichet.payslip.BatchProblem;
import org.guichet.payslip.PayslipError;
import org.guichet.platform.GuichetException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamSource;

/**
 * A ZIP of payslips as payroll systems export them: one PDF per agent and month named {@code <soi>_<YYYY-MM>.pdf}, in
 * any folder. Folders, hidden files and macOS metadata are passed over. Each PDF must open as a PDF and be no larger
 * than the configured size, which also bounds what a ZIP bomb could expand to.
 */
final class PayslipZip {

    private static final Pattern NAME = Pattern.compile("(\\d{7})_(\\d{4}-\\d{2})\\.pdf");

    private final InputStreamSource source;
    private final long maxSize;
    private final int maxEntries;

    PayslipZip(InputStreamSource source, long maxSize, int maxEntries) {
        this.source = source;
        this.maxSize = maxSize;
        this.maxEntries = maxEntries;
    }

    /** A PDF of the ZIP, checked. */
    record Entry(BatchChecks.Key key, byte[] content) {}

    /** Checks every PDF; tells how many the ZIP holds. */
    int check(BatchChecks checks) {
        var count = new int[1];
        read(checks, entry -> count[0]++);
        return count[0];
    }

    /** Reads the ZIP again, giving each PDF that passes the checks. */
    void each(BatchChecks checks, Consumer<Entry> consumer) {
        read(checks, consumer);
    }

    private void read(BatchChecks checks, Consumer<Entry> consumer) {
        var entries = 0;
        try (var zip = new ZipInputStream(source.getInputStream())) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                var name = fileName(entry);
                if (name == null) {
                    continue;
                }
                if (++entries > maxEntries) {
                    throw new GuichetException(PayslipError.TOO_MANY_PAYSLIPS, maxEntries);
                }
                var matcher = NAME.matcher(name.toLowerCase(Locale.ROOT));
                if (!matcher.matches()) {
                    checks.reject(name, null, BatchProblem.INVALID_FILE_NAME, name);
                    continue;
                }
                var key = checks.check(name, matcher.group(1), matcher.group(2));
                if (key == null) {
                    continue;
                }
                var content = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxSize + 1));
                if (content.length > maxSize) {
                    checks.reject(name, key.agent().soi(), BatchProblem.FILE_TOO_LARGE, Long.toString(maxSize));
                } else if (!isPdf(content)) {
                    checks.reject(name, key.agent().soi(), BatchProblem.NOT_A_PDF);
                } else {
                    consumer.accept(new Entry(key, content));
                }
            }
        } catch (ZipException e) {
            throw new GuichetException(PayslipError.UNKNOWN_FILE_KIND, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (entries == 0) {
            throw new GuichetException(PayslipError.EMPTY_BATCH);
        }
    }

    /** The entry's file name, or {@code null} for what is not a payslip (folders, hidden files, macOS metadata). */
    private static @Nullable String fileName(ZipEntry entry) {
        if (entry.isDirectory() || entry.getName().startsWith("__MACOSX/")) {
            return null;
        }
        var path = entry.getName().replace('\\', '/');
        var name = path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty() || name.startsWith(".") ? null : name;
    }

    /** Whether the bytes open as a PDF (not merely start like one). */
    private static boolean isPdf(byte[] content) {
        if (content.length < 5
                || !new String(content, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-")) {
            return false;
        }
        try (var document = Loader.loadPDF(content)) {
            return document.getNumberOfPages() > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
