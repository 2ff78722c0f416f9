package org.guichet.directory.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Locale;
import org.guichet.directory.DirectoryError;
import org.guichet.directory.DirectoryManagement;
import org.guichet.directory.ImportReport;
import org.guichet.platform.CommandLine;
import org.guichet.platform.GuichetException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * {@code import <file.csv>...}: imports department and agent files, recognised by their header (departments first
 * whatever the order given). Exit code 0 when every row was taken, 3 when some rows were refused (the others are
 * written), 1 when a file could not be read at all, 2 for bad usage.
 */
@Component
class ImportCommand implements CommandLine {

    static final int ROWS_REFUSED = 3;

    private final DirectoryManagement directory;
    private final MessageSource messages;

    ImportCommand(DirectoryManagement directory, MessageSource messages) {
        this.directory = directory;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String usage() {
        return "import <departments.csv|agents.csv>... [--lang=en]";
    }

    @Override
    public String description() {
        return "Imports departments and agents from CSV files (UTF-8, ';' or ','); re-importing updates.";
    }

    @Override
    public int run(Arguments arguments, PrintStream out) throws IOException {
        if (arguments.operands().isEmpty()) {
            out.println("Usage: " + usage());
            return 2;
        }
        var locale = Locale.forLanguageTag(arguments.option("lang").orElse("fr"));
        var files = new ArrayList<ImportFile>();
        for (var name : arguments.operands()) {
            var path = Path.of(name);
            if (!Files.isReadable(path)) {
                out.println(messages.getMessage("directory.import.cli.unreadable", new Object[] {name}, locale));
                return 1;
            }
            var bytes = Files.readAllBytes(path);
            var kind = ImportFile.kindOf(bytes);
            if (kind == null) {
                out.println(
                        path + ": " + messages.getMessage(DirectoryError.UNKNOWN_FILE_KIND.messageKey(), null, locale));
                return 1;
            }
            files.add(new ImportFile(path, bytes, kind));
        }
        files.sort(Comparator.comparing(ImportFile::kind));
        var exitCode = 0;
        for (var file : files) {
            try {
                var report = file.kind() == ImportReport.Kind.AGENTS
                        ? directory.importAgents(file.content())
                        : directory.importDepartments(file.content());
                print(file.path(), report, out, locale);
                if (!report.rejected().isEmpty()) {
                    exitCode = Math.max(exitCode, ROWS_REFUSED);
                }
            } catch (GuichetException e) {
                var reason = messages.getMessage(e.errorCode().messageKey(), e.getDetailMessageArguments(), locale);
                out.println(file.path() + ": " + reason);
                return 1;
            }
        }
        return exitCode;
    }

    private void print(Path file, ImportReport report, PrintStream out, Locale locale) {
        out.println(messages.getMessage(
                "directory.import.cli.summary",
                new Object[] {
                    file,
                    report.rows(),
                    report.created(),
                    report.updated(),
                    report.unchanged(),
                    report.rejected().size(),
                    String.format(Locale.ROOT, "%.1f", report.elapsed().toMillis() / 1000.0)
                },
                locale));
        for (var rejection : report.rejected()) {
            var reason = messages.getMessage(
                    rejection.problem().messageKey(), rejection.arguments().toArray(), locale);
            out.println(messages.getMessage(
                    "directory.import.cli.rejection",
                    new Object[] {String.valueOf(rejection.line()), rejection.key(), reason},
                    locale));
        }
    }

    /** A file to import, with the kind its header shows. */
    private record ImportFile(Path path, byte[] bytes, ImportReport.Kind kind) {

        /** Agent files have a {@code soi} column, department files a {@code code} column; else {@code null}. */
        static ImportReport.@Nullable Kind kindOf(byte[] bytes) {
            var text = new String(bytes, StandardCharsets.UTF_8);
            var end = text.indexOf('\n');
            var header = (end < 0 ? text : text.substring(0, end)).toLowerCase(Locale.ROOT);
            if (header.contains("soi")) {
                return ImportReport.Kind.AGENTS;
            }
            return header.contains("code") ? ImportReport.Kind.DEPARTMENTS : null;
        }

        ByteArrayInputStream content() {
            return new ByteArrayInputStream(bytes);
        }
    }
}
