package org.guichet.bench;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * The cost of access decisions: signed in once (camille.martin, office network), each virtual agent then asks
 * {@code GET /api/v1/services} (ten decisions and their sentences) and the home page (the same, rendered as tiles),
 * and goes through {@code /services/gis} (one decision, a redirect), twenty times per sign-in. One agent at a time,
 * then eight at once.
 */
public class ServicesSimulation extends Simulation {

    private static final ChainBuilder SIGN_IN = exec(http("login page")
                    .get("/login")
                    .check(status().is(200), css("input[name=_csrf]", "value").saveAs("csrf")))
            .exec(http("sign in")
                    .post("/login")
                    .formParam("username", "camille.martin")
                    .formParam("password", "Guichet-demo-2026")
                    .formParam("_csrf", "#{csrf}")
                    .check(status().is(302)));

    private static final ChainBuilder DECIDE = exec(http("GET /api/v1/services")
                    .get("/api/v1/services")
                    .header("Accept", "application/json")
                    .check(status().is(200), jsonPath("$[9].id").is("hr-back-office")))
            .exec(http("home page (tiles)").get("/").check(status().is(200)))
            .exec(http("GET /services/gis").get("/services/gis").check(status().is(302)));

    private static PopulationBuilder phase(String name, int agents, int seconds) {
        return scenario(name)
                .group(name)
                .on(SIGN_IN.repeat(20).on(DECIDE))
                .injectClosed(constantConcurrentUsers(agents).during(Duration.ofSeconds(seconds)));
    }

    {
        var protocol = http.baseUrl(System.getProperty("guichet.url", "http://127.0.0.1:18080"))
                .disableFollowRedirect()
                .acceptHeader("text/html")
                .userAgentHeader("Mozilla/5.0 (X11; Linux x86_64) Gatling");
        setUp(phase("warm-up", 4, 15)
                        .andThen(phase("one at a time", 1, 30).andThen(phase("eight at once", 8, 30))))
                .protocols(protocol)
                .maxDuration(Duration.ofSeconds(90))
                .assertions(global().failedRequests().count().is(0L));
    }
}
