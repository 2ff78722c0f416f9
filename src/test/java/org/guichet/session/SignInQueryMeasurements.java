package org.guichet.session;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.guichet.testing.Agents;
import org.guichet.testing.HttpAgent;
import org.guichet.testing.TestClockConfiguration;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Measurements for bench/README.md (issue 21, never run with the tests, nothing asserted): the SQL statements a browser
 * sign-in and the cheap requests after it send to the database, each phase counted with what the background work it
 * triggers adds, and the statements listed with how often each ran. Run: {@code ./mvnw test
 * -Dtest=SignInQueryMeasurements -Dsurefire.failIfNoSpecifiedTests=false}; written to {@code
 * target/signin-queries.txt}. With {@code -Dguichet.trace-sql=SELECT a.soi} the statements that start so are followed
 * by where they come from.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@Import({TestClockConfiguration.class, Agents.class, SignInQueryMeasurements.Counting.class})
class SignInQueryMeasurements {

    /** Every statement prepared or executed, as its SQL text. */
    static final ConcurrentLinkedQueue<String> STATEMENTS = new ConcurrentLinkedQueue<>();

    /** Wraps the data source so that every statement prepared on any of its connections is written down. */
    @TestConfiguration
    static class Counting {

        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof DataSource source)) {
                        return bean;
                    }
                    return Proxy.newProxyInstance(
                            DataSource.class.getClassLoader(),
                            new Class<?>[] {DataSource.class},
                            (proxy, method, args) -> {
                                var result = invoke(method, source, args);
                                return result instanceof Connection connection ? counted(connection) : result;
                            });
                }
            };
        }

        private static Connection counted(Connection connection) {
            InvocationHandler handler = (proxy, method, args) -> {
                if ((method.getName().startsWith("prepare") || method.getName().equals("nativeSQL"))
                        && args != null
                        && args.length > 0
                        && args[0] instanceof String sql) {
                    var text = sql.replaceAll("\\s+", " ").strip();
                    STATEMENTS.add(text);
                    var traced = System.getProperty("guichet.trace-sql");
                    if (traced != null && text.startsWith(traced)) {
                        // where a statement comes from: the application's frames of the stack
                        STATEMENTS.add("  from "
                                + java.util.Arrays.stream(Thread.currentThread().getStackTrace())
                                        .map(StackTraceElement::toString)
                                        .filter(frame -> frame.startsWith("org.guichet")
                                                && !frame.contains("Measurements")
                                                && !frame.contains("domain.AgentRepository")
                                                && !frame.contains("$$"))
                                        .limit(8)
                                        .collect(Collectors.joining(" < ")));
                    }
                }
                return invoke(method, connection, args);
            };
            return (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
        }

        private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Agents agents;

    private final List<String> report = new ArrayList<>();

    /** Runs one phase, waits for the background work it set off, and writes down its statements. */
    private <T> T phase(String name, Supplier<T> work) throws InterruptedException {
        Thread.sleep(1500);
        STATEMENTS.clear();
        var result = work.get();
        Thread.sleep(1500);
        var seen = List.copyOf(STATEMENTS);
        Map<String, Long> counts = new TreeMap<>(seen.stream()
                .collect(Collectors.groupingBy(
                        sql -> sql.length() > 150 && !sql.startsWith("  from") ? sql.substring(0, 150) : sql,
                        Collectors.counting())));
        report.add("## " + name + ": " + seen.size() + " statements");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> report.add(String.format("%4d  %s", entry.getValue(), entry.getKey())));
        report.add("");
        return result;
    }

    @Test
    void statementsWhenAnAgentSignsInAndReadsThenWrittenDown() throws Exception {
        var person = agents.create().build();
        // a first sign-in (the password's hash upgraded, the first visit's work), not measured
        new HttpAgent(port, TestData.officeAddress()).signIn(person.login());

        var browser = new HttpAgent(port, TestData.officeAddress());
        phase("GET /login", () -> browser.get("/login", "text/html"));
        phase("POST /login (the password)", () -> browser.signIn(person.login()));
        phase("GET / (the home page)", () -> browser.get("/", "text/html"));
        phase("GET /api/v1/me", () -> browser.get("/api/v1/me", "application/json"));
        phase("GET /api/v1/me (again, 3 s later)", () -> browser.get("/api/v1/me", "application/json"));
        // within guichet.session.agent-cache (2 s): the second answer reads the session only
        phase("GET /api/v1/me twice, one right after the other", () -> {
            browser.get("/api/v1/me", "application/json");
            return browser.get("/api/v1/me", "application/json");
        });
        var file = Path.of("target", "signin-queries.txt");
        Files.write(file, report);
        report.forEach(System.out::println);
    }
}
