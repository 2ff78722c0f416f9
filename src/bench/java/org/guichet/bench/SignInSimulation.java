package org.guichet.bench;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One full sign-in as a browser does it: the login page, the form's POST (one Argon2id check, the session, the
 * events), the home page. First one agent at a time (the cost of one request), then eight at once (what two cores
 * sustain), after a warm-up. Run against a Guichet started in the demo profile: bench/sign-in.sh.
 */
public class SignInSimulation extends Simulation {

    private static final List<Map<String, Object>> AGENTS = List.of(
            Map.of("login", "camille.martin"),
            Map.of("login", "lucas.bernard"),
            Map.of("login", "theo.moreau"),
            Map.of("login", "1000001"),
            Map.of("login", "lucas.bernard@ville.example"));

    private static final ChainBuilder SIGN_IN = feed(listFeeder(AGENTS).circular())
            .exec(http("login page")
                    .get("/login")
                    .check(status().is(200), css("input[name=_csrf]", "value").saveAs("csrf")))
            .exec(http("sign in (POST /login)")
                    .post("/login")
                    .formParam("username", "#{login}")
                    .formParam("password", "Guichet-demo-2026")
                    .formParam("_csrf", "#{csrf}")
                    .check(status().is(302), header("Location").not("/login?error")))
            .exec(http("home page").get("/").check(status().is(200)));

    /** A phase of the run: its requests are reported under its own name. */
    private static PopulationBuilder phase(String name, int agents, int seconds) {
        return scenario(name)
                .group(name)
                .on(SIGN_IN)
                .injectClosed(constantConcurrentUsers(agents).during(Duration.ofSeconds(seconds)));
    }

    {
        var protocol = http.baseUrl(System.getProperty("guichet.url", "http://127.0.0.1:18080"))
                .disableFollowRedirect()
                .acceptHeader("text/html")
                .userAgentHeader("Mozilla/5.0 (X11; Linux x86_64) Gatling");
        setUp(phase("warm-up", 4, 15)
                        .andThen(phase("one at a time", 1, 30)
                                .andThen(phase("eight at once", 8, 30))))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }
}
