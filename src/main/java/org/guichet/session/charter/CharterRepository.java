package org.guichet.session.charter;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.guichet.directory.AgentId;
import org.guichet.network.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The charter's versions, in French and English, and each agent's acceptances. */
@Repository
class CharterRepository {

    private final JdbcClient jdbc;

    CharterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int currentVersion() {
        return jdbc.sql("SELECT MAX(version) FROM charter_version")
                .query(Integer.class)
                .single();
    }

    Optional<CharterService.Charter> version(int version, Locale locale) {
        var english = locale.getLanguage().equals("en");
        return jdbc.sql("SELECT version, published_at, title_fr, title_en, text_fr, text_en FROM charter_version "
                        + "WHERE version = ?")
                .param(version)
                .query((rs, n) -> new CharterService.Charter(
                        rs.getInt(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(english ? 4 : 3),
                        rs.getString(english ? 6 : 5)
                                .lines()
                                .filter(line -> !line.isBlank())
                                .toList()))
                .optional();
    }

    Optional<CharterService.Acceptance> accepted(AgentId agent) {
        return jdbc.sql("SELECT version, accepted_at, channel FROM charter_acceptance WHERE soi = ? "
                        + "ORDER BY version DESC LIMIT 1")
                .param(agent.soi())
                .query((rs, n) -> new CharterService.Acceptance(
                        rs.getInt(1), rs.getTimestamp(2).toInstant(), Channel.valueOf(rs.getString(3))))
                .optional();
    }

    void insertVersion(int version, Instant now, String titleFr, String titleEn, String textFr, String textEn) {
        jdbc.sql("INSERT INTO charter_version (version, published_at, title_fr, title_en, text_fr, text_en)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(version, Timestamp.from(now), titleFr, titleEn, textFr, textEn)
                .update();
    }

    /** Records an acceptance; tells whether it was new. */
    boolean insertAcceptance(AgentId agent, int version, Instant now, Channel channel) {
        return jdbc.sql("INSERT INTO charter_acceptance (soi, version, accepted_at, channel) VALUES (?, ?, ?, ?) "
                                + "ON CONFLICT DO NOTHING")
                        .params(agent.soi(), version, Timestamp.from(now), channel.name())
                        .update()
                == 1;
    }
}
