package org.guichet.session.web;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
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

    /**
     * Spring Session's store, as every part of Guichet and Spring Session's filter see it: writing a session's last
     * access less often ({@link SparseLastAccess}). Decorated rather than replaced, so that Spring Boot still builds and
     * configures it (timeout, clean-up) and still shuts its clean-up down.
     */
    @Bean
    static BeanPostProcessor sparseLastAccess() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository store ? SparseLastAccess.over(store) : bean;
            }
        };
    }
}
