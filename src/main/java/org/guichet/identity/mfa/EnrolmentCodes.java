package org.guichet.identity.mfa;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.guichet.directory.AgentId;
import org.guichet.identity.EnrolmentCodeIssued;
import org.guichet.identity.EnrolmentCodeUsed;
import org.guichet.identity.IdentitySettings;
import org.guichet.network.ClientConnection;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrolment codes: what lets an agent with no second factor enrol one away from the office. The helpdesk issues one
 * after checking who is calling; it is valid 24 hours, serves once, and is hashed at rest.
 */
@Service
public class EnrolmentCodes {

    private static final int GROUPS = 3;
    private static final int GROUP_SIZE = 4;

    /** A code to read out to the agent, and until when it works. */
    public record Issued(String code, Instant expiresAt) {}

    private final EnrolmentCodeRepository codes;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final Duration validity;
    private final Clock clock;

    EnrolmentCodes(
            EnrolmentCodeRepository codes,
            PasswordEncoder encoder,
            ApplicationEventPublisher events,
            IdentitySettings settings,
            Clock clock) {
        this.codes = codes;
        this.encoder = encoder;
        this.events = events;
        this.validity = settings.enrolment().codeValidity();
        this.clock = clock;
    }

    /** Issues a new code for the agent (the former one stops working). */
    @Transactional
    public Issued issue(AgentId agent, String issuedBy) {
        var code = OneTimeSecrets.generate(GROUPS, GROUP_SIZE);
        var now = clock.instant();
        var expiresAt = now.plus(validity);
        codes.replace(
                UUID.randomUUID().toString(),
                agent.soi(),
                encoder.encode(OneTimeSecrets.normalize(code)),
                issuedBy,
                now,
                expiresAt);
        events.publishEvent(new EnrolmentCodeIssued(agent, issuedBy, expiresAt, now));
        return new Issued(code, expiresAt);
    }

    /** Uses the agent's code if this is it; tells whether it was. */
    @Transactional
    public boolean redeem(AgentId agent, String typed, ClientConnection connection) {
        var code = OneTimeSecrets.normalize(typed);
        if (!OneTimeSecrets.plausible(code, GROUPS * GROUP_SIZE)) {
            return false;
        }
        var now = clock.instant();
        for (var live : codes.live(agent.soi(), now)) {
            if (encoder.matches(code, live.hash()) && codes.use(live.id(), now)) {
                events.publishEvent(new EnrolmentCodeUsed(agent, connection, now));
                return true;
            }
        }
        return false;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT13M")
    @SchedulerLock(name = "enrolment-code-purge", lockAtLeastFor = "PT55M", lockAtMostFor = "PT59M")
    void purge() {
        codes.purge(clock.instant().minus(Duration.ofDays(30)));
    }
}
