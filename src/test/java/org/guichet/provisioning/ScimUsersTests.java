package org.guichet.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentStatus;
import org.guichet.directory.DirectoryManagement;
import org.guichet.testing.Agents;
import org.guichet.testing.TestClockConfiguration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HR system's provisioning client, as it talks to Guichet (SCIM 2.0 over HTTP, the demo's token): a joiner
 * created, read with its ETag, found by filter, moved and retitled by PATCH, suspended, deleted (a departure) and
 * rehired; each change journaled as coming from SCIM with the values before and after; and every refusal a SCIM error
 * message with the right status and {@code scimType}, in the client's language.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@Import({TestClockConfiguration.class, Agents.class})
class ScimUsersTests {

    private static final String TOKEN = "demo-scim-token";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Agents agents;

    @Autowired
    DirectoryManagement directory;

    @Autowired
    JdbcClient jdbc;

    private HttpResponse<String> call(
            String method, String path, @Nullable String body, @Nullable String token, Map<String, String> headers)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/scim/v2" + path))
                .header("Accept", "application/scim+json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/scim+json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try (var client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private HttpResponse<String> call(String method, String path, @Nullable String body) throws Exception {
        return call(method, path, body, TOKEN, Map.of());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static String joiner(String soi, String givenName, String familyName, String department, String manager) {
        return """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "%s"],
                 "externalId": "%s",
                 "name": {"givenName": "%s", "familyName": "%s"},
                 "title": "Technicienne voirie",
                 "phoneNumbers": [{"value": "+33612345678", "type": "mobile"}],
                 "%s": {"employeeNumber": "%s", "department": "%s", "manager": {"value": "%s"}}}
                """.formatted(ENTERPRISE, soi, givenName, familyName, ENTERPRISE, soi, department, manager);
    }

    private void assertError(HttpResponse<String> response, int status, @Nullable String scimType) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/scim+json");
        var error = json(response);
        assertThat(error.get("schemas").get(0).asString()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(error.get("status").asString()).isEqualTo(Integer.toString(status));
        if (scimType != null) {
            assertThat(error.get("scimType").asString()).isEqualTo(scimType);
        }
        assertThat(error.get("detail").asString()).isNotBlank();
    }

    @Test
    void usersWhenTheHrSystemProvisionsAJoinerThenCreatedFoundMovedSuspendedDepartedAndRehired() throws Exception {
        var manager = agents.create().build();
        var soi = manager.block().soi(2);
        var family = manager.block().name();

        // the joiner: created, with the login and e-mail Guichet gives (the HR system sent none)
        var created = call("POST", "/Users", joiner(soi, "Inès", family, manager.department(), manager.soi()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location").orElse("")).endsWith("/scim/v2/Users/" + soi);
        var etag = created.headers().firstValue("ETag").orElseThrow();
        var user = json(created);
        assertThat(user.get("id").asString()).isEqualTo(soi);
        assertThat(user.get("userName").asString()).isEqualTo("ines." + family.toLowerCase());
        assertThat(user.get("active").asBoolean()).isTrue();
        assertThat(user.get(ENTERPRISE).get("employeeNumber").asString()).isEqualTo(soi);
        assertThat(user.get(ENTERPRISE).get("manager").get("value").asString()).isEqualTo(manager.soi());
        assertThat(user.get("meta").get("version").asString()).isEqualTo(etag);
        var agent = directory.findById(AgentId.of(soi)).orElseThrow();
        assertThat(agent.jobTitle()).isEqualTo("Technicienne voirie");
        assertThat(agent.mobile()).isEqualTo("+33612345678");
        assertThat(journaled("AgentCreated", soi)).contains("\"source\":\"SCIM\"");

        // read again: the same version; unchanged since the client's copy: 304
        var read = call("GET", "/Users/" + soi, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).contains(etag);
        assertThat(call("GET", "/Users/" + soi, null, TOKEN, Map.of("If-None-Match", etag))
                        .statusCode())
                .isEqualTo(304);

        // found the way provisioning clients look before they create: by userName, by employee number
        var byLogin =
                json(call("GET", "/Users?filter=" + encode("userName eq \"ines." + family.toLowerCase() + "\""), null));
        assertThat(byLogin.get("totalResults").asInt()).isEqualTo(1);
        assertThat(byLogin.get("Resources").get(0).get("id").asString()).isEqualTo(soi);
        var byNumber =
                json(call("GET", "/Users?filter=" + encode(ENTERPRISE + ":employeeNumber eq \"" + soi + "\""), null));
        assertThat(byNumber.get("totalResults").asInt()).isEqualTo(1);
        // any other filter is evaluated on every agent
        var byFamily = json(call(
                "GET", "/Users?filter=" + encode("name.familyName eq \"" + family + "\" and active eq true"), null));
        assertThat(byFamily.get("totalResults").asInt()).isEqualTo(2);
        var paged = json(call(
                "GET", "/Users?count=1&startIndex=2&filter=" + encode("name.familyName eq \"" + family + "\""), null));
        assertThat(paged.get("totalResults").asInt()).isEqualTo(2);
        assertThat(paged.get("itemsPerPage").asInt()).isEqualTo(1);
        assertThat(paged.get("startIndex").asInt()).isEqualTo(2);

        // a move and a new title, patched at the version read: journaled with the values before and after
        var other = agents.create().build();
        var patch = """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [
                   {"op": "replace", "path": "title", "value": "Cheffe d’équipe"},
                   {"op": "replace", "path": "%s:department", "value": "%s"}]}
                """.formatted(ENTERPRISE, other.department());
        var moved = call("PATCH", "/Users/" + soi, patch, TOKEN, Map.of("If-Match", etag));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        var newTag = moved.headers().firstValue("ETag").orElseThrow();
        assertThat(newTag).isNotEqualTo(etag);
        assertThat(directory.findById(AgentId.of(soi)).orElseThrow().departmentCode())
                .isEqualTo(other.department());
        assertThat(journaled("AgentChanged", soi))
                .contains("\"source\":\"SCIM\"", "\"job_title\"", "Technicienne voirie", "Cheffe d’équipe")
                .contains("\"department\"", manager.department(), other.department());
        assertThat(journaled("AgentTransferred", soi)).contains(other.department());

        // a patch at the old version is refused: someone changed the agent since
        assertError(call("PATCH", "/Users/" + soi, patch, TOKEN, Map.of("If-Match", etag)), 412, null);

        // suspended, then deleted: a departure; a deleted user is not found any more
        var suspended = call(
                "PATCH",
                "/Users/" + soi,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}");
        assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);
        assertThat(json(suspended).get("active").asBoolean()).isFalse();
        assertThat(directory.findById(AgentId.of(soi)).orElseThrow().status()).isEqualTo(AgentStatus.SUSPENDED);
        assertThat(call("DELETE", "/Users/" + soi, null).statusCode()).isEqualTo(204);
        assertThat(directory.findById(AgentId.of(soi)).orElseThrow().status()).isEqualTo(AgentStatus.DEPARTED);
        assertError(call("GET", "/Users/" + soi, null), 404, null);
        assertThat(json(call("GET", "/Users?filter=" + encode("name.familyName eq \"" + family + "\""), null))
                        .get("totalResults")
                        .asInt())
                .isEqualTo(1);

        // rehired: the same agent again, active
        var rehired = call("POST", "/Users", joiner(soi, "Inès", family, other.department(), manager.soi()));
        assertThat(rehired.statusCode()).as(rehired.body()).isEqualTo(201);
        assertThat(directory.findById(AgentId.of(soi)).orElseThrow().status()).isEqualTo(AgentStatus.ACTIVE);
    }

    @Test
    void requestsWhenRefusedThenEachIsAScimErrorWithItsStatusAndReasonInTheClientsLanguage() throws Exception {
        var manager = agents.create().build();
        var soi = manager.block().soi(3);

        // no token, another token: 401 with the bearer challenge
        var anonymous = call("GET", "/Users/" + manager.soi(), null, null, Map.of());
        assertError(anonymous, 401, null);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElse(""))
                .startsWith("Bearer");
        assertError(call("GET", "/Users", null, "not-the-token", Map.of()), 401, null);
        assertThat(json(call("GET", "/Users", null, "not-the-token", Map.of()))
                        .get("detail")
                        .asString())
                .contains("jeton");
        // a user's session cookie is no provisioning token either
        assertError(call("GET", "/ServiceProviderConfig", null, null, Map.of("Cookie", "SESSION=abc")), 401, null);

        // unreadable JSON, no employee number, an unknown department, an SOI already there, a login taken
        assertError(call("POST", "/Users", "{not json"), 400, "invalidSyntax");
        assertError(
                call(
                        "POST",
                        "/Users",
                        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"x\"}"),
                400,
                "invalidValue");
        var unknown = call("POST", "/Users", joiner(soi, "Jean", manager.lastName(), "NOPE" + soi, manager.soi()));
        assertError(unknown, 400, "invalidValue");
        assertThat(json(unknown).get("detail").asString()).contains("NOPE" + soi);
        assertError(
                call("POST", "/Users", joiner(manager.soi(), "Jean", manager.lastName(), manager.department(), "")),
                409,
                null);
        var taken = joiner(soi, "Jean", manager.lastName(), manager.department(), manager.soi())
                .replace("\"externalId\"", "\"userName\": \"" + manager.login() + "\", \"externalId\"");
        assertError(call("POST", "/Users", taken), 409, null);
        assertThat(directory.findById(AgentId.of(soi)))
                .as("nothing half-written")
                .isEmpty();

        // in English when the client asks for it
        var english = call("GET", "/Users/9999999", null, TOKEN, Map.of("Accept-Language", "en"));
        assertError(english, 404, null);
        assertThat(json(english).get("detail").asString()).isEqualTo("No agent 9999999.");

        // bad searches and patches
        assertError(call("GET", "/Users?filter=" + encode("userName eq"), null), 400, "invalidFilter");
        assertError(call("GET", "/Users?count=many", null), 400, "invalidValue");
        assertError(call("PATCH", "/Users/" + manager.soi(), "[]"), 400, "invalidSyntax");
        assertError(
                call(
                        "PATCH",
                        "/Users/" + manager.soi(),
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"" + ENTERPRISE
                                + ":employeeNumber\",\"value\":\"1234567\"}]}"),
                400,
                "mutability");
        assertThat(directory.findById(manager.id()).orElseThrow().status()).isEqualTo(AgentStatus.ACTIVE);
    }

    @Test
    void patchWhenTheHrSystemSuspendsAnAgentThenTheirOpenSessionEnds() throws Exception {
        var person = agents.create().build();
        var browser = new org.guichet.testing.HttpAgent(port);
        browser.signIn(person.login());
        assertThat(browser.get("/api/v1/me", "application/json").statusCode()).isEqualTo(200);

        var suspended = call(
                "PATCH",
                "/Users/" + person.soi(),
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}");
        assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);

        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(5))
                .until(() -> browser.get("/api/v1/me", "application/json").statusCode() == 401);
        assertThat(journaled("AgentStatusChanged", person.soi())).contains("SUSPENDED");
    }

    /**
     * The mobile's conflict: the HR system's number wins until the agent proves they hold one of their own (a code sent
     * to it); from then on the HR system's number, or its silence, does not replace it.
     */
    @Test
    void putWhenTheAgentProvedTheirOwnMobileThenTheHrSystemsNumberDoesNotReplaceIt() throws Exception {
        var manager = agents.create().build();
        var soi = manager.block().soi(3);
        var family = manager.block().name();
        var joiner = joiner(soi, "Léa", family, manager.department(), manager.soi());
        assertThat(call("POST", "/Users", joiner).statusCode()).isEqualTo(201);
        assertThat(directory.findById(AgentId.of(soi)).orElseThrow().mobile()).isEqualTo("+33612345678");

        // the HR system corrects the number: taken, the agent never proved theirs
        var corrected = call("PUT", "/Users/" + soi, joiner.replace("+33612345678", "+33612345679"));
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        assertThat(directory.findById(AgentId.of(soi)).orElseThrow().mobile()).isEqualTo("+33612345679");

        // the agent changes it themselves (proved by a code): the HR system's older number no longer replaces it
        directory.changeMobile(AgentId.of(soi), "+33698765432");
        var older = call("PUT", "/Users/" + soi, joiner.replace("+33612345678", "+33612345679"));
        assertThat(older.statusCode()).as(older.body()).isEqualTo(200);
        assertThat(json(older).get("phoneNumbers").get(0).get("value").asString())
                .isEqualTo("+33698765432");
        var silent = call(
                "PUT",
                "/Users/" + soi,
                joiner.replace("\"phoneNumbers\": [{\"value\": \"+33612345678\", \"type\": \"mobile\"}],", ""));
        assertThat(silent.statusCode()).as(silent.body()).isEqualTo(200);
        assertThat(directory.findById(AgentId.of(soi)).orElseThrow().mobile()).isEqualTo("+33698765432");
    }

    @Test
    void groupsWhenTheHrSystemAddsAndRemovesMembersThenRolesAreGrantedAndWithdrawn() throws Exception {
        var person = agents.create().build();
        var support = json(call("GET", "/Groups/SUPPORT", null));
        assertThat(support.get("displayName").asString()).isEqualTo("SUPPORT");
        assertThat(support.get("members").toString()).contains("1000004").doesNotContain(person.soi());
        assertThat(json(call("GET", "/Groups", null)).get("totalResults").asInt())
                .isEqualTo(4);

        var added = call(
                "PATCH",
                "/Groups/SUPPORT",
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"add\","
                        + "\"path\":\"members\",\"value\":[{\"value\":\"" + person.soi() + "\"}]}]}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(directory.findById(person.id()).orElseThrow().roles()).contains(org.guichet.directory.Role.SUPPORT);
        assertThat(journaled("AgentChanged", person.soi())).contains("\"source\":\"SCIM\"", "SUPPORT");

        var removed = call(
                "PATCH",
                "/Groups/SUPPORT",
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"remove\","
                        + "\"path\":\"members[value eq \\\"" + person.soi() + "\\\"]\"}]}");
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(directory.findById(person.id()).orElseThrow().roles())
                .doesNotContain(org.guichet.directory.Role.SUPPORT);
        assertThat(json(call("GET", "/Groups/SUPPORT", null)).get("members").toString())
                .contains("1000004");

        // the groups are Guichet's: none created, none deleted, an unknown one not found, an unknown member refused
        assertError(call("POST", "/Groups", "{\"displayName\":\"Finances\"}"), 403, null);
        assertError(call("DELETE", "/Groups/SUPPORT", null), 403, null);
        assertError(call("GET", "/Groups/FINANCES", null), 404, null);
        assertError(
                call(
                        "PATCH",
                        "/Groups/HR",
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":"
                                + "\"add\",\"path\":\"members\",\"value\":[{\"value\":\"9999999\"}]}]}"),
                400,
                "invalidValue");
    }

    @Test
    void discoveryWhenAskedThenTheServiceSaysWhatItSupports() throws Exception {
        var config = json(call("GET", "/ServiceProviderConfig", null));
        assertThat(config.get("patch").get("supported").asBoolean()).isTrue();
        assertThat(config.get("etag").get("supported").asBoolean()).isTrue();
        assertThat(config.get("filter").get("supported").asBoolean()).isTrue();
        assertThat(config.get("bulk").get("supported").asBoolean()).isFalse();
        assertThat(config.get("authenticationSchemes").get(0).get("type").asString())
                .isEqualTo("oauthbearertoken");
        var types = json(call("GET", "/ResourceTypes", null));
        assertThat(types.get("totalResults").asInt()).isEqualTo(2);
        assertThat(types.get("Resources").get(0).get("endpoint").asString()).isEqualTo("/Users");
        assertThat(types.get("Resources")
                        .get(0)
                        .get("schemaExtensions")
                        .get(0)
                        .get("schema")
                        .asString())
                .isEqualTo(ENTERPRISE);
        var schemas = call("GET", "/Schemas", null);
        assertThat(schemas.statusCode()).isEqualTo(200);
        assertThat(schemas.body()).contains("urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE);
    }

    private String journaled(String type, String soi) {
        return org.guichet.testing.TestJournal.awaitDetails(jdbc, type, soi);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
