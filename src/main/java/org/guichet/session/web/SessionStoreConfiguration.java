package org.guichet.session.web;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Two requests of one session may add the same attribute at once (a page and the script it starts, right after the
 * sign-in): Spring Session then inserts the attribute twice and the second request fails on the primary key. The
 * attribute is written with an upsert instead: PostgreSQL's {@code ON CONFLICT} (Spring Session's own customizer),
 * H2's {@code MERGE}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SessionStoreConfiguration {

    private static final String H2_UPSERT = """
            MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
            VALUES (?, ?, ?)
            """;

    /**
     * The session's row is written when something in it changed, or when its last access moved by a minute or more:
     * not at every request, which on PostgreSQL made each {@code GET /api/v1/me} a commit and a WAL flush (issue 21,
     * bench/README.md). The parameters are Spring Session's own, in its order; a session thus expires up to a minute
     * before its exact idle timeout.
     */
    static final String UPDATE_WHEN_CHANGED = """
            MERGE INTO %TABLE_NAME% s
            USING (VALUES (CAST(? AS CHAR(36)), CAST(? AS BIGINT), CAST(? AS INT), CAST(? AS BIGINT),
                           CAST(? AS VARCHAR(100)), CAST(? AS CHAR(36))))
                AS v (session_id, last_access_time, max_inactive_interval, expiry_time, principal_name, primary_id)
            ON s.PRIMARY_ID = v.primary_id
            WHEN MATCHED AND (s.SESSION_ID <> v.session_id
                    OR s.MAX_INACTIVE_INTERVAL <> v.max_inactive_interval
                    OR s.PRINCIPAL_NAME IS DISTINCT FROM v.principal_name
                    OR v.last_access_time - s.LAST_ACCESS_TIME >= 60000)
                THEN UPDATE SET SESSION_ID = v.session_id, LAST_ACCESS_TIME = v.last_access_time,
                    MAX_INACTIVE_INTERVAL = v.max_inactive_interval, EXPIRY_TIME = v.expiry_time,
                    PRINCIPAL_NAME = v.principal_name
            """;

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> rowWrittenWhenChanged() {
        return repository -> repository.setUpdateSessionQuery(UPDATE_WHEN_CHANGED);
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> attributesWrittenOnce(DataSource dataSource)
            throws org.springframework.jdbc.support.MetaDataAccessException {
        var product = JdbcUtils.extractDatabaseMetaData(dataSource, metadata -> metadata.getDatabaseProductName())
                .toLowerCase(java.util.Locale.ROOT);
        if (product.contains("postgresql")) {
            return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
        }
        if (product.contains("h2")) {
            return repository -> repository.setCreateSessionAttributeQuery(H2_UPSERT);
        }
        return repository -> {};
    }
}
