package org.guichet.directory.ldap;

import java.io.PrintStream;
import java.util.Locale;
import org.guichet.platform.CommandLine;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * {@code ldap-sync [--dry-run]}: one synchronisation with the LDAP directory now, or what it would do. Exit code 0
 * when every entry was taken, 3 when some were refused (the others are written), 1 when the directory could not be
 * read or the run would record too many departures, 2 for bad usage.
 */
@Component
class LdapSyncCommand implements CommandLine {

    private final LdapSync sync;
    private final MessageSource messages;

    LdapSyncCommand(LdapSync sync, MessageSource messages) {
        this.sync = sync;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "ldap-sync";
    }

    @Override
    public String usage() {
        return "ldap-sync [--dry-run] [--lang=en]";
    }

    @Override
    public String description() {
        return "Synchronises the agents with the LDAP directory (guichet.directory.ldap.*) now, or says what it would do.";
    }

    @Override
    public int run(Arguments arguments, PrintStream out) throws Exception {
        if (!arguments.operands().isEmpty()) {
            out.println("Usage: " + usage());
            return 2;
        }
        var locale = Locale.forLanguageTag(arguments.option("lang").orElse("fr"));
        if (!sync.configured()) {
            out.println(messages.getMessage("directory.ldap.cli.unconfigured", null, locale));
            return 1;
        }
        var dryRun = arguments.options().containsKey("dry-run");
        LdapSync.Result result;
        var started = System.nanoTime();
        try {
            result = sync.synchronise(dryRun);
        } catch (LdapSync.TooManyDepartures refused) {
            out.println(messages.getMessage(
                    "directory.ldap.cli.too-many-departures", new Object[] {refused.departures()}, locale));
            return 1;
        } catch (org.springframework.ldap.NamingException unreachable) {
            out.println(messages.getMessage(
                    "directory.ldap.cli.unreachable", new Object[] {unreachable.getMessage()}, locale));
            return 1;
        }
        var report = result.report();
        out.println(messages.getMessage(
                dryRun ? "directory.ldap.cli.planned" : "directory.ldap.cli.done",
                new Object[] {
                    result.entries(),
                    report.created(),
                    report.updated(),
                    report.unchanged(),
                    result.departures().size(),
                    report.rejected().size(),
                    String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9)
                },
                locale));
        for (var refused : report.rejected()) {
            out.println("  " + refused.key() + ": "
                    + messages.getMessage(
                            refused.problem().messageKey(), refused.arguments().toArray(), locale));
        }
        for (var dn : result.withoutSoi()) {
            out.println("  " + messages.getMessage("directory.ldap.cli.without-soi", new Object[] {dn}, locale));
        }
        return report.rejected().isEmpty() ? 0 : 3;
    }
}
