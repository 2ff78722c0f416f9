package org.guichet.identity.mfa;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.MobileNumberChanged;
import org.guichet.identity.password.VerifiedMobiles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agent proving they hold a mobile number: a code goes to it by SMS, and only once that code is typed back does
 * the number become theirs and receive codes. The former number is told (by the notification module, on the event).
 */
@Service
public class MobileChanges {

    private final SmsCodes sms;
    private final DirectoryManagement directory;
    private final VerifiedMobiles mobiles;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MobileChanges(
            SmsCodes sms,
            DirectoryManagement directory,
            VerifiedMobiles mobiles,
            ApplicationEventPublisher events,
            Clock clock) {
        this.sms = sms;
        this.directory = directory;
        this.mobiles = mobiles;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the agent's number on file is verified. */
    public boolean verified(AgentProfile agent) {
        return mobiles.of(agent).isPresent();
    }

    /** Sends a code to this number (E.164), the agent's current one or a new one. */
    public SmsCodes.Sending start(AgentProfile agent, String number, Locale locale) {
        return sms.send(agent.id(), SmsCodes.Purpose.VERIFY_NUMBER, number, locale);
    }

    /** Where the code to type back went, masked, while it is live. */
    public @org.jspecify.annotations.Nullable String pending(AgentProfile agent) {
        return sms.liveDestination(agent.id(), SmsCodes.Purpose.VERIFY_NUMBER);
    }

    /** Checks the code; when right, the number it went to becomes the agent's, verified. */
    @Transactional
    public SmsCodes.Check confirm(AgentProfile agent, String code) {
        var check = sms.verify(agent.id(), SmsCodes.Purpose.VERIFY_NUMBER, code);
        var number = check.number();
        if (number != null) {
            if (!Objects.equals(number, agent.mobile())) {
                directory.changeMobile(agent.id(), number);
                events.publishEvent(new MobileNumberChanged(agent.id(), agent.mobile(), number, clock.instant()));
            }
            mobiles.verified(agent.id().soi(), number);
        }
        return check;
    }

    /** Normalizes a number as typed; empty when it is not a mobile number. */
    public java.util.Optional<String> normalize(String typed) {
        return directory.normalizeMobile(typed);
    }
}
