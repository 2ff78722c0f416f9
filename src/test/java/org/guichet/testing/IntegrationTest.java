package org.guichet.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application with the demo organisation, on the test database (H2 in memory, or PostgreSQL when {@code
 * GUICHET_TEST_DB_URL} is set), driven through MockMvc, with a clock tests can move ({@link MutableClock}) and the
 * {@link Agents} a test creates for what it changes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"test", "demo"})
@Import({TestClockConfiguration.class, Agents.class})
public @interface IntegrationTest {}
