package org.guichet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.guichet.testing.Demo;
import org.guichet.testing.HttpAgent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Errors as a real server answers them: friendly pages for people, problem details for the API, never a trace. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@Import({ErrorHandlingTests.FailingPage.class, ErrorHandlingTests.FailingApi.class})
class ErrorHandlingTests {

    private static final String HTML = "text/html,application/xhtml+xml";
    private static final String JSON = "application/json";

    @LocalServerPort
    int port;

    HttpAgent camille;

    @Controller
    static class FailingPage {

        @GetMapping("/test/failing-page")
        String fail() {
            throw new IllegalStateException("secret internal detail");
        }

        @GetMapping("/test/database-away")
        String databaseAway() {
            throw new org.springframework.jdbc.CannotGetJdbcConnectionException("Connection refused");
        }
    }

    @RestController
    static class FailingApi {

        @GetMapping("/api/v1/test/failing")
        String fail() {
            throw new IllegalStateException("secret internal detail");
        }

        @GetMapping("/api/v1/test/database-away")
        String databaseAway() {
            throw new org.springframework.jdbc.CannotGetJdbcConnectionException("Connection refused");
        }

        @GetMapping("/api/v1/test/refused")
        String refuse() {
            throw new GuichetException(PlatformError.CONFLICT);
        }
    }

    @BeforeEach
    void signIn() {
        camille = new HttpAgent(port);
        camille.signIn(Demo.CAMILLE);
    }

    /** The database out of reach inside a controller: the same 503 as when it fails before any controller runs. */
    @Test
    void databaseWhenAwayInAControllerThen503ToRetryNotAFault() {
        var api = camille.get("/api/v1/test/database-away", JSON);
        var page = camille.get("/test/database-away", HTML);

        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.headers().firstValue("Retry-After")).contains("5");
        assertThat(api.body()).contains("\"errorCode\":\"SERVICE_UNAVAILABLE\"").doesNotContain("Connection refused");
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).contains("5");
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(page.body()).contains("Service momentanément indisponible").doesNotContain("Connection refused");
    }

    @Test
    void pageWhenMissingThenFriendly404WithWayBack() {
        var page = camille.get("/no/such/page", HTML);

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page introuvable", "Revenir à l’accueil", "Camille Martin");
    }

    @Test
    void apiWhenMissingThen404Problem() {
        var result = camille.get("/api/v1/no-such-thing", JSON);

        assertThat(result.statusCode()).isEqualTo(404);
        assertThat(result.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(result.body()).contains("\"errorCode\":\"NOT_FOUND\"");
    }

    @Test
    void apiWhenMissingAndAskedFromBrowserThenStillProblem() {
        var result = camille.get("/api/v1/no-such-thing", HTML);

        assertThat(result.statusCode()).isEqualTo(404);
        assertThat(result.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void pageWhenServerFailsThenReferenceAndNoStackTrace() {
        var page = camille.get("/test/failing-page", HTML);

        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(page.body())
                .contains("Une erreur est survenue", "Référence à donner à l’assistance")
                .doesNotContain("secret internal detail", "IllegalStateException", "at org.")
                .containsPattern("<strong>[0-9A-F]{10}</strong>");
    }

    @Test
    void apiWhenServerFailsThenProblemWithReferenceAndNoDetail() {
        var result = camille.get("/api/v1/test/failing", JSON);

        assertThat(result.statusCode()).isEqualTo(500);
        assertThat(result.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(result.body())
                .contains("\"errorCode\":\"INTERNAL_ERROR\"")
                .containsPattern("\"reference\":\"[0-9A-F]{10}\"")
                .doesNotContain("secret internal detail", "IllegalStateException");
    }

    @Test
    void apiWhenModuleRefusesThenItsCodeAndSentenceInCallersLanguage() {
        var result = camille.get("/api/v1/test/refused?lang=en", JSON);

        assertThat(result.statusCode()).isEqualTo(409);
        assertThat(result.body())
                .contains("\"errorCode\":\"CONFLICT\"", "\"type\":\"/problems/conflict\"")
                .contains("The resource was changed in the meantime.");
    }

    @Test
    void apiWhenMethodNotAllowedThenProblem() {
        var result = camille.post("/api/v1/me", Map.of("X-CSRF-TOKEN", camille.csrfToken(), "Accept", JSON));

        assertThat(result.statusCode()).isEqualTo(405);
        assertThat(result.body()).contains("\"errorCode\":\"METHOD_NOT_ALLOWED\"");
    }

    @Test
    void formWhenCsrfTokenMissingThenExpiredFormPage() {
        var result = camille.postForm("/logout", Map.of(), HTML);

        assertThat(result.statusCode()).isEqualTo(403);
        assertThat(result.body()).contains("Formulaire expiré", "Rechargez la page");
    }
}
