package org.guichet.bench;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * A city's morning (issue 22), run by bench/morning.sh against several nodes behind HAProxy: agents of a generated
 * organisation arrive at a rising then steady rate (an open model: they come whether or not the portal keeps up),
 * each signs in from the office network (login page, password), opens the home page and two services (payslips,
 * leave), once. Each agent is a different one, from {@code morning-agents.csv} (30 % of the organisation).
 *
 * <p>System properties: {@code guichet.url} (the balancer), {@code morning.peak} (arrivals per second at the peak,
 * default 20), {@code morning.ramp} and {@code morning.hold} (seconds, defaults 60 and 120), {@code
 * morning.agents} (the CSV).
 */
public class MorningSimulation extends Simulation {

    private static final double PEAK = Double.parseDouble(System.getProperty("morning.peak", "20"));
    private static final int RAMP = Integer.getInteger("morning.ramp", 60);
    private static final int HOLD = Integer.getInteger("morning.hold", 120);

    private static final ChainBuilder MORNING = feed(csv(System.getProperty("morning.agents", "morning-agents.csv"))
                    .queue())
            .exec(session -> session.set(
                    "office",
                    "10.18." + (session.userId() / 250 % 250) + "." + (session.userId() % 250 + 1)))
            .exec(http("login page")
                    .get("/login")
                    .header("X-Forwarded-For", "#{office}")
                    .check(status().is(200), css("input[name=_csrf]", "value").saveAs("csrf")))
            .exec(http("sign in (POST /login)")
                    .post("/login")
                    .header("X-Forwarded-For", "#{office}")
                    .formParam("username", "#{login}")
                    .formParam("password", "Guichet-demo-2026")
                    .formParam("_csrf", "#{csrf}")
                    .check(status().is(302), header("Location").not("/login?error")))
            .exec(http("home page")
                    .get("/")
                    .header("X-Forwarded-For", "#{office}")
                    .check(status().is(200), css("#services").exists()))
            .exec(http("payslips").get("/payslips").header("X-Forwarded-For", "#{office}").check(status().is(200)))
            .exec(http("leave").get("/leave").header("X-Forwarded-For", "#{office}").check(status().is(200)));

    {
        var protocol = http.baseUrl(System.getProperty("guichet.url", "http://127.0.0.1:18090"))
                .disableFollowRedirect()
                .acceptHeader("text/html")
                .userAgentHeader("Mozilla/5.0 (X11; Linux x86_64) Gatling");
        setUp(scenario("a city's morning")
                        .exec(MORNING)
                        .injectOpen(
                                rampUsersPerSec(1).to(PEAK).during(Duration.ofSeconds(RAMP)),
                                constantUsersPerSec(PEAK).during(Duration.ofSeconds(HOLD))))
                .protocols(protocol);
    }
}
