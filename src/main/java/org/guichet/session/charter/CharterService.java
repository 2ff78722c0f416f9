package org.guichet.session.charter;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.guichet.directory.AgentId;
import org.guichet.network.Channel;
import org.guichet.session.CharterAccepted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The IT charter: versioned texts in French and English. Publishing a new version asks every agent to accept it at
 * their next sign-in; each acceptance is kept with its version, time and channel.
 */
@Service
public class CharterService {

    private final CharterRepository charters;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CharterService(CharterRepository charters, ApplicationEventPublisher events, Clock clock) {
        this.charters = charters;
        this.events = events;
        this.clock = clock;
    }

    /** A version of the charter in one language; its text is a list of paragraphs. */
    public record Charter(int version, Instant publishedAt, String title, List<String> paragraphs) {}

    public record Acceptance(int version, Instant acceptedAt, Channel channel) {}

    public Charter current(Locale locale) {
        return version(currentVersion(), locale).orElseThrow();
    }

    public int currentVersion() {
        return charters.currentVersion();
    }

    public Optional<Charter> version(int version, Locale locale) {
        return charters.version(version, locale);
    }

    /** The latest version the agent accepted. */
    public Optional<Acceptance> accepted(AgentId agent) {
        return charters.accepted(agent);
    }

    public boolean pending(AgentId agent) {
        return accepted(agent).map(Acceptance::version).orElse(0) < currentVersion();
    }

    /** Publishes a new version (the next number): every agent accepts it at their next sign-in. */
    @Transactional
    public int publish(String titleFr, String titleEn, String textFr, String textEn) {
        var version = currentVersion() + 1;
        charters.insertVersion(version, clock.instant(), titleFr, titleEn, textFr, textEn);
        return version;
    }

    /** Records the acceptance of a version (again accepting it changes nothing). */
    @Transactional
    public void accept(AgentId agent, int version, Channel channel) {
        var now = clock.instant();
        if (charters.insertAcceptance(agent, version, now, channel)) {
            events.publishEvent(new CharterAccepted(agent, version, channel, now));
        }
    }
}
