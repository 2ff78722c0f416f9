package org.guichet.bench;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One full single sign-on as the demo's GIS does it, from a browser that has no Guichet session: the authorization
 * request (sent to the login page), the login page, the form's POST (one Argon2id check), the authorization again
 * (the access policy, the code), then the application's code exchange at the token endpoint (its secret checked,
 * PKCE, the ID and access tokens signed, the refresh token). At 2, 4 and 8 sign-ins at once, after a warm-up. Run
 * against a Guichet started in the demo profile: {@code SIMULATION=SingleSignOnSimulation bench/sign-in.sh}.
 */
public class SingleSignOnSimulation extends Simulation {

    private static final String REDIRECT = "http://127.0.0.1:9081/login/oauth2/code/guichet";
    // one PKCE pair (the challenge is the verifier's SHA-256, base64url): each sign-in is a fresh browser anyway
    private static final String VERIFIER = "dBjftJeZ4CVP-mJ92K9qhPbG8t1kdBzR3ANd4sNfA2Y";
    private static final String CHALLENGE = "MzCbxKPmp4a3jZyFTXIaFc9dQ9bWbetST1PFv3uq6KY";
    private static final String AUTHORIZE = "/oauth2/authorize?response_type=code&client_id=gis&scope="
            + URLEncoder.encode("openid profile email roles", StandardCharsets.UTF_8) + "&redirect_uri="
            + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)
            + "&state=bench-state&nonce=bench-nonce&code_challenge=" + CHALLENGE + "&code_challenge_method=S256";

    private static final List<Map<String, Object>> AGENTS = List.of(
            Map.of("login", "camille.martin"), Map.of("login", "lucas.bernard"), Map.of("login", "theo.moreau"));

    private static final ChainBuilder SIGN_IN = feed(listFeeder(AGENTS).circular())
            .exec(http("authorize (signed out)")
                    .get(AUTHORIZE)
                    .check(status().is(302), header("Location").is("/login")))
            .exec(http("login page")
                    .get("/login")
                    .check(status().is(200), css("input[name=_csrf]", "value").saveAs("csrf")))
            .exec(http("sign in (POST /login)")
                    .post("/login")
                    .formParam("username", "#{login}")
                    .formParam("password", "Guichet-demo-2026")
                    .formParam("_csrf", "#{csrf}")
                    .check(status().is(302), header("Location").saveAs("back")))
            .exec(http("authorize (signed in)")
                    .get("#{back}")
                    .check(
                            status().is(302),
                            header("Location").transform(location -> location.replaceFirst("^.*[?&]code=([^&]+).*$", "$1"))
                                    .saveAs("code")))
            .exec(http("token (code exchange)")
                    .post("/oauth2/token")
                    .basicAuth("gis", "gis-demo-secret")
                    .formParam("grant_type", "authorization_code")
                    .formParam("code", "#{code}")
                    .formParam("redirect_uri", REDIRECT)
                    .formParam("code_verifier", VERIFIER)
                    .check(status().is(200), jsonPath("$.id_token").exists(), regex("refresh_token").exists()));

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
                        .andThen(phase("two at once", 2, 30)
                                .andThen(phase("four at once", 4, 30).andThen(phase("eight at once", 8, 30)))))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }
}
