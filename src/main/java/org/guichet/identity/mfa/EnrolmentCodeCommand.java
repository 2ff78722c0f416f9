package org.guichet.identity.mfa;

import java.io.PrintStream;
import java.util.Locale;
import org.guichet.directory.DirectoryManagement;
import org.guichet.platform.CommandLine;
import org.guichet.platform.DisplayZone;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * {@code enrolment-code <identifier> --by=<who>}: issues an enrolment code for an agent (SOI, login or e-mail), for
 * the helpdesk until its console exists. Prints the code and until when it works; exit code 1 for an unknown or
 * inactive agent, 2 for bad usage.
 */
@Component
class EnrolmentCodeCommand implements CommandLine {

    private final DirectoryManagement directory;
    private final EnrolmentCodes codes;
    private final MessageSource messages;

    EnrolmentCodeCommand(DirectoryManagement directory, EnrolmentCodes codes, MessageSource messages) {
        this.directory = directory;
        this.codes = codes;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "enrolment-code";
    }

    @Override
    public String usage() {
        return "enrolment-code <SOI|login|e-mail> --by=<helpdesk agent> [--lang=en]";
    }

    @Override
    public String description() {
        return "Issues a one-time enrolment code (24 h) so that an agent with no second factor can enrol one remotely.";
    }

    @Override
    public int run(Arguments arguments, PrintStream out) {
        var by = arguments.option("by").map(String::strip).orElse("");
        if (arguments.operands().size() != 1 || by.isEmpty() || by.length() > 64) {
            out.println("Usage: " + usage());
            return 2;
        }
        var locale = Locale.forLanguageTag(arguments.option("lang").orElse("fr"));
        var identifier = arguments.operands().getFirst();
        var agent = directory.findByIdentifier(identifier).filter(profile -> profile.isActive());
        if (agent.isEmpty()) {
            out.println(messages.getMessage("mfa.enrolmentCode.cli.unknown", new Object[] {identifier}, locale));
            return 1;
        }
        var profile = agent.get();
        var issued = codes.issue(profile.id(), by);
        out.println(messages.getMessage(
                "mfa.enrolmentCode.cli.issued",
                new Object[] {
                    profile.displayName(), profile.id().soi(), issued.code(), DisplayZone.dateTime(issued.expiresAt())
                },
                locale));
        return 0;
    }
}
