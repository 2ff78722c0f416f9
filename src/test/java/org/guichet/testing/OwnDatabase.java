package org.guichet.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/**
 * The application on a database of its own, next to the shared test database: for the tests that move the clock
 * months ahead and run a job over every agent (the expiry of remote access), which would otherwise expire the demo's
 * too. In memory, another H2 database; on PostgreSQL, another schema of the same database ({@code own_database}),
 * migrated on start. The demo organisation is loaded there as well, and {@link DemoFingerprint} does not watch it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ContextConfiguration(initializers = OwnDatabase.Initializer.class)
public @interface OwnDatabase {

    String NAME = "own_database";

    /** Points the datasource (and Flyway) at the other database before the application starts. */
    class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        private final String name;

        public Initializer() {
            this(NAME);
        }

        /** Another database of its own, by that name (a test class that needs one apart from {@link #NAME}'s). */
        protected Initializer(String name) {
            this.name = name;
        }

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            var environment = context.getEnvironment();
            var url = environment.getRequiredProperty("spring.datasource.url");
            var properties = new HashMap<String, Object>();
            if (url.startsWith("jdbc:h2:mem:")) {
                properties.put("spring.datasource.url", url.replaceFirst("^jdbc:h2:mem:[^;]*", "jdbc:h2:mem:" + name));
            } else if (url.startsWith("jdbc:postgresql:")) {
                properties.put(
                        "spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name);
                properties.put("spring.flyway.schemas", name);
                properties.put("spring.flyway.default-schema", name);
            } else {
                throw new IllegalStateException("No database of its own for " + url);
            }
            environment.getPropertySources().addFirst(new MapPropertySource("own-database", properties));
        }
    }
}
