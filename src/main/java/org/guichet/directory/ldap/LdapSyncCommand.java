package org.guichet.directory.ldap;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.guichet.directory.SyncRun;
import org.guichet.platform.CommandLine;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * {@code ldap-sync [--dry-run] [--changes]}: one synchronisation with the LDAP directory now (of the entries changed
 * since the last run only, with {@code --changes}), or what it would do. Exit code 0
 * when every entry was taken, 3 when some were refused (the others are written), 1 when the directory could not be
 * read, the run would record too many departures or another run is under way, 2 for bad usage. Recorded, as every
 * run, for the administration page.
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
        return "ldap-sync [--dry-run] [--changes] [--lang=en]";
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
        var ran = sync.run(
                SyncRun.StartedFrom.COMMAND, null, dryRun, arguments.options().containsKey("changes"));
        if (ran.isEmpty()) {
            out.println(messages.getMessage("directory.ldap.cli.running", null, locale));
            return 1;
        }
        var run = ran.get();
        switch (run.outcome()) {
            case TOO_MANY_DEPARTURES -> {
                out.println(messages.getMessage(
                        "directory.ldap.cli.too-many-departures", new Object[] {run.departed()}, locale));
                return 1;
            }
            case UNREACHABLE -> {
                out.println(messages.getMessage("directory.ldap.cli.unreachable", new Object[] {run.detail()}, locale));
                return 1;
            }
            case FAILED, INTERRUPTED, RUNNING -> {
                out.println(messages.getMessage("directory.ldap.cli.failed", new Object[] {run.detail()}, locale));
                return 1;
            }
            case DONE, REFUSED_ENTRIES -> {}
        }
        var seconds = Duration.between(run.startedAt(), Objects.requireNonNull(run.finishedAt()))
                        .toMillis()
                / 1e3;
        out.println(messages.getMessage(
                dryRun ? "directory.ldap.cli.planned" : "directory.ldap.cli.done",
                new Object[] {
                    run.entries(),
                    run.created(),
                    run.updated(),
                    run.unchanged(),
                    run.departed(),
                    run.refused(),
                    String.format(Locale.ROOT, "%.1f", seconds)
                },
                locale));
        for (var refused : run.refusals()) {
            var reason = messages.getMessage(
                    refused.messageKey(), refused.arguments().toArray(), locale);
            out.println("  "
                    + messages.getMessage(
                            "directory.ldap.cli.refusal", new Object[] {refused.entry(), reason}, locale));
        }
        if (run.refused() > run.refusals().size()) {
            out.println(messages.getMessage(
                    "directory.ldap.cli.more",
                    new Object[] {run.refused() - run.refusals().size()},
                    locale));
        }
        return run.refused() == 0 ? 0 : 3;
    }
}
