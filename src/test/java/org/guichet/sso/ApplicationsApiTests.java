package org.guichet.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.guichet.testing.Agents;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.MockBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Administrators register, change, disable and delete applications through the API; a secret is shown once and
 * stored hashed; a wrong application is refused field by field and nothing is stored; only ADMIN reaches it.
 */
@IntegrationTest
class ApplicationsApiTests {

    private static final String API = "/api/v1/admin/applications";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Agents agents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private MockBrowser admin() {
        var person = agents.create().withRoles("ADMIN").withTotp().build();
        var admin = new MockBrowser(mvc, org.guichet.testing.TestData.officeAddress());
        admin.signInWithTotp(person.login(), jdbc, clock);
        return admin;
    }

    private static String application(String clientId) {
        return """
                {"clientId": "%s", "name": "Gestion des salles", "serviceId": "gis",
                 "redirectUris": ["https://salles.ville.example/login/oauth2/code/guichet"],
                 "scopes": ["openid", "profile"], "accessTokenLifetime": "PT10M",
                 "backChannelLogoutUri": "https://salles.ville.example/logout/connect/back-channel/guichet"}""".formatted(clientId);
    }

    @Test
    void registerWhenValidThenTheSecretIsShownOnceAndStoredHashed() {
        var admin = admin();
        var clientId = "salles-" + System.nanoTime() % 1_000_000;

        var registered = admin.postJson(API, application(clientId));

        assertThat(registered).hasStatus(HttpStatus.CREATED);
        var body = admin.body(registered);
        var secret = com.jayway.jsonpath.JsonPath.<String>read(body, "$.secret");
        assertThat(secret).hasSizeGreaterThan(40);
        var stored = jdbc.sql("SELECT client_secret FROM oauth2_registered_client WHERE client_id = ?")
                .param(clientId)
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain(secret).startsWith("{");
        var shown = admin.body(admin.getJson(API + "/" + clientId));
        assertThat(shown).contains("Gestion des salles").contains("PT10M").doesNotContain(secret);
        assertThat(admin.body(admin.getJson(API))).contains(clientId).contains("\"gis\"");
    }

    @Test
    void registerWhenWrongThenEachFieldSaysWhyAndNothingIsStored() {
        var admin = admin();

        var refused = admin.postJson(API, """
                {"clientId": "Not An Id", "name": "", "serviceId": "nowhere",
                 "redirectUris": ["http://sig.ville.example/cb#fragment"], "scopes": ["openid", "admin"],
                 "accessTokenLifetime": "P2D"}""");

        assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
        var body = admin.body(refused);
        assertThat(body)
                .contains("\"errorCode\":\"APPLICATION_INVALID\"")
                .contains("\"field\":\"clientId\"")
                .contains("\"field\":\"name\"")
                .contains("\"field\":\"serviceId\"")
                .contains("\"field\":\"redirectUris\"")
                .contains("\"field\":\"scopes\"")
                .contains("\"field\":\"accessTokenLifetime\"")
                .contains("Choisissez un service du catalogue.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM oauth2_registered_client WHERE client_id = 'Not An Id'")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(admin.postJson(API, "{not json")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(admin.postJson(API, "{}")).hasStatus(HttpStatus.BAD_REQUEST);
        var wrongTypes = admin.postJson(API, """
                {"clientId": ["salles"], "confidential": "peut-être", "scopes": 7, "accessTokenLifetime": "dix minutes"}""");
        assertThat(wrongTypes).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(admin.body(wrongTypes)).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(admin.postAs(API, org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED, "clientId=salles"))
                .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void changeWhenDisabledThenTheApplicationCannotSignAnyoneInUntilEnabledAndDeleteForgetsIt() {
        var admin = admin();
        var clientId = "salles-" + System.nanoTime() % 1_000_000;
        admin.postJson(API, application(clientId));
        var authorize = "/oauth2/authorize?response_type=code&scope=openid&client_id=" + clientId
                + "&redirect_uri=https://salles.ville.example/login/oauth2/code/guichet&code_challenge="
                + "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&state=s";

        var disabled = admin.putJson(
                API + "/" + clientId, application(clientId).replace("\"scopes\"", "\"enabled\": false, \"scopes\""));
        assertThat(disabled).hasStatusOk();
        assertThat(admin.get(authorize)).hasStatus(HttpStatus.BAD_REQUEST);
        admin.putJson(API + "/" + clientId, application(clientId));
        assertThat(admin.get(authorize)).hasStatus(HttpStatus.FOUND);

        assertThat(admin.deleteJson(API + "/" + clientId)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(admin.getJson(API + "/" + clientId)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(admin.deleteJson(API + "/" + clientId)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void newSecretWhenGivenThenTheFormerStopsAndTheChangeIsJournaled() {
        var admin = admin();
        var clientId = "salles-" + System.nanoTime() % 1_000_000;
        admin.postJson(API, application(clientId));

        var renewed = admin.postJson(API + "/" + clientId + "/secret", null);

        assertThat(renewed).hasStatusOk();
        assertThat(admin.body(renewed)).contains("\"secret\"");
        org.awaitility.Awaitility.await()
                .untilAsserted(() -> assertThat(jdbc.sql(
                                        "SELECT COUNT(*) FROM journal_entry WHERE type = ? AND actor IS NOT NULL AND details LIKE ?")
                                .params(
                                        org.guichet.platform.Journaled.typeOf(ApplicationChanged.class),
                                        "%" + clientId + "%")
                                .query(Integer.class)
                                .single())
                        .isEqualTo(2));
    }

    @Test
    void pageWhenAFormIsWrongThenEachFieldSaysWhyAndWhenRightTheSecretIsShownOnce() {
        var admin = admin();
        var clientId = "page-" + System.nanoTime() % 1_000_000;

        var wrong = admin.post(
                "/admin/applications", "clientId", "X", "name", "", "serviceId", "", "redirectUris", "ftp://x");
        assertThat(wrong).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(admin.body(wrong))
                .contains("id=\"clientId-error\"")
                .contains("id=\"serviceId-error\"")
                .contains("id=\"redirectUris-error\"")
                .contains("Choisissez un service du catalogue.");
        var right = admin.post(
                "/admin/applications",
                "clientId",
                clientId,
                "name",
                "Réservation des salles",
                "serviceId",
                "gis",
                "confidential",
                "true",
                "redirectUris",
                "https://salles.ville.example/cb\nhttps://salles.ville.example/cb2",
                "scopes",
                "profile");
        assertThat(right).hasStatus(HttpStatus.FOUND);
        var shown = admin.body(admin.get("/admin/applications"));
        assertThat(shown).contains("id=\"secret\"").contains("Réservation des salles");
        assertThat(admin.body(admin.get("/admin/applications"))).doesNotContain("id=\"secret\"");
        assertThat(admin.post("/admin/applications/" + clientId + "/disable")).hasStatus(HttpStatus.FOUND);
        assertThat(applications.find(clientId).orElseThrow().enabled()).isFalse();
        assertThat(admin.post("/admin/applications/nobody-here/delete")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void editPageWhenAFieldIsWrongThenNothingChangesAndWhenRightTheApplicationIsChangedKeepingItsKindAndState() {
        var admin = admin();
        var clientId = "edit-" + System.nanoTime() % 1_000_000;
        admin.postJson(API, application(clientId));
        admin.post("/admin/applications/" + clientId + "/disable");
        var page = "/admin/applications/" + clientId;

        var shown = admin.get(page);
        assertThat(shown).hasStatusOk();
        assertThat(admin.body(shown))
                .contains("value=\"Gestion des salles\"")
                .contains("https://salles.ville.example/login/oauth2/code/guichet</textarea>")
                .contains("id=\"accessTokenLifetime\"")
                .contains("value=\"10\"");

        var wrong = admin.post(
                page,
                "name",
                "Salles",
                "serviceId",
                "gis",
                "redirectUris",
                "ftp://salles.ville.example/cb",
                "accessTokenLifetime",
                "dix",
                "refreshTokenLifetime",
                "99999");
        assertThat(wrong).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(admin.body(wrong))
                .contains("id=\"redirectUris-error\"")
                .contains("id=\"accessTokenLifetime-error\"")
                .contains("Entre 1 minute et 1 heure.")
                .contains("id=\"refreshTokenLifetime-error\"")
                .doesNotContain("id=\"name-error\"");
        assertThat(applications.find(clientId).orElseThrow().name()).isEqualTo("Gestion des salles");

        var right = admin.post(
                page,
                "name",
                "Salles et auditoriums",
                "serviceId",
                "technical-management",
                "confidential",
                "false",
                "redirectUris",
                "https://salles.ville.example/cb\nhttps://salles.ville.example/cb2",
                "postLogoutRedirectUris",
                "https://salles.ville.example/",
                "scopes",
                "roles",
                "accessTokenLifetime",
                "15",
                "refreshTokenLifetime",
                "720");
        assertThat(right).hasStatus(HttpStatus.FOUND);
        var changed = applications.find(clientId).orElseThrow();
        assertThat(changed.name()).isEqualTo("Salles et auditoriums");
        assertThat(changed.serviceId()).isEqualTo("technical-management");
        assertThat(changed.confidential()).isTrue();
        assertThat(changed.enabled()).isFalse();
        assertThat(changed.redirectUris())
                .containsExactlyInAnyOrder("https://salles.ville.example/cb", "https://salles.ville.example/cb2");
        assertThat(changed.postLogoutRedirectUris()).containsExactly("https://salles.ville.example/");
        assertThat(changed.scopes()).containsExactlyInAnyOrder("openid", "roles");
        assertThat(changed.accessTokenLifetime()).isEqualTo(java.time.Duration.ofMinutes(15));
        assertThat(changed.refreshTokenLifetime()).isEqualTo(java.time.Duration.ofHours(12));
        assertThat(changed.backChannelLogoutUri()).isNull();
        assertThat(admin.body(admin.get("/admin/applications")))
                .contains("Salles et auditoriums")
                .contains("15 min (accès), 720 min (renouvellement)")
                .contains("Gestion technique");
        assertThat(admin.get("/admin/applications/nobody-here")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(admin.post("/admin/applications/nobody-here", "name", "x")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Autowired
    Applications applications;

    @Test
    void applicationsWhenNotAnAdministratorThenRefused() {
        var agent = new MockBrowser(mvc, org.guichet.testing.TestData.officeAddress());
        agent.signIn(agents.create().build().login(), org.guichet.testing.Demo.PASSWORD);

        assertThat(agent.getJson(API)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(agent.postJson(API, application("sneaky"))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(new MockBrowser(mvc).getJson(API)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(agent.get("/admin/applications")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(agent.post("/admin/applications", "clientId", "sneaky")).hasStatus(HttpStatus.FORBIDDEN);
    }
}
