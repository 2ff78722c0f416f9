package org.guichet.session.charter;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.guichet.directory.AgentId;
import org.guichet.network.Channel;
import org.guichet.session.CharterAccepted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The IT charter: versioned texts in French and English. Publishing a new version asks every agent to accept it at
 * their next sign-in; each acceptance is kept with its version, time and channel.
 */
@Service
public class CharterService {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CharterService(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
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
        return jdbc.sql("SELECT MAX(version) FROM charter_version")
                .query(Integer.class)
                .single();
    }

    public Optional<Charter> version(int version, Locale locale) {
        var english = locale.getLanguage().equals("en");
        return jdbc.sql("SELECT version, published_at, title_fr, title_en, text_fr, text_en FROM charter_version "
                        + "WHERE version = ?")
                .param(version)
                .query((rs, n) -> new Charter(
                        rs.getInt(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(english ? 4 : 3),
                        rs.getString(english ? 6 : 5)
                                .lines()
                                .filter(line -> !line.isBlank())
                                .toList()))
                .optional();
    }

    /** The latest version the agent accepted. */
    public Optional<Acceptance> accepted(AgentId agent) {
        return jdbc.sql("SELECT version, accepted_at, channel FROM charter_acceptance WHERE soi = ? "
                        + "ORDER BY version DESC LIMIT 1")
                .param(agent.soi())
                .query((rs, n) ->
                        new Acceptance(rs.getInt(1), rs.getTimestamp(2).toInstant(), Channel.valueOf(rs.getString(3))))
                .optional();
    }

    public boolean pending(AgentId agent) {
        return accepted(agent).map(Acceptance::version).orElse(0) < currentVersion();
    }

    /** Publishes a new version (the next number): every agent accepts it at their next sign-in. */
    @Transactional
    public int publish(String titleFr, String titleEn, String textFr, String textEn) {
        var version = currentVersion() + 1;
        jdbc.sql("INSERT INTO charter_version (version, published_at, title_fr, title_en, text_fr, text_en)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(version, Timestamp.from(clock.instant()), titleFr, titleEn, textFr, textEn)
                .update();
        return version;
    }

    /** Records the acceptance of a version (again accepting it changes nothing). */
    @Transactional
    public void accept(AgentId agent, int version, Channel channel) {
        var now = clock.instant();
        var recorded = jdbc.sql(
                        "INSERT INTO charter_acceptance (soi, version, accepted_at, channel) VALUES (?, ?, ?, ?) "
                                + "ON CONFLICT DO NOTHING")
                .params(agent.soi(), version, Timestamp.from(now), channel.name())
                .update();
        if (recorded == 1) {
            events.publishEvent(new CharterAccepted(agent, version, channel, now));
        }
    }
}
