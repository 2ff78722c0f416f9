package org.guichet.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.guichet.testing.HttpAgent;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The JSON API's contract: the OpenAPI 3.1 document Guichet generates from its code is valid, describes the two ways
 * to call and the refusals' problem details, and is the one committed in {@code api/openapi.json} (from which the
 * tests' client is generated): a change to the API that is not written there fails here. To write it again: {@code
 * ./mvnw test -Dtest=ApiContractTests -Dguichet.contract.write=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@org.springframework.context.annotation.Import({
    org.guichet.testing.TestClockConfiguration.class,
    org.guichet.testing.Agents.class
})
class ApiContractTests {

    static final Path CONTRACT = Path.of("api", "openapi.json");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @LocalServerPort
    int port;

    /** The document as the running Guichet gives it, without its servers (they name this test's port). */
    private JsonNode live() throws Exception {
        var answer = new HttpAgent(port, TestData.officeAddress()).get("/v3/api-docs", "application/json");
        assertThat(answer.statusCode()).as("public, no sign-in").isEqualTo(200);
        var document = (ObjectNode) JSON.readTree(answer.body());
        document.remove("servers");
        // a canonical form: keys in order, so that the committed file changes only where the API does
        return JSON.readTree(JSON.writeValueAsString(JSON.treeToValue(document, Object.class)));
    }

    @Test
    void contractWhenGeneratedThenValidAndDescribesBothWaysToCallAndTheRefusals() throws Exception {
        var document = live();
        var options = new ParseOptions();
        options.setResolve(true);
        var parsed = new OpenAPIV3Parser().readContents(JSON.writeValueAsString(document), null, options);
        assertThat(parsed.getMessages()).as("what the parser found wrong").isEmpty();
        assertThat(document.get("openapi").asText()).startsWith("3.1");
        assertThat(document.at("/components/securitySchemes/dpop/scheme").asText())
                .isEqualTo("DPoP");
        assertThat(document.at("/components/securitySchemes/session/in").asText())
                .isEqualTo("cookie");
        assertThat(document.get("paths").has("/api/v1/payslips")).isTrue();
        assertThat(document.get("paths").has("/api/v1/conversations/anonymous")).isTrue();
        document.get("paths")
                .fieldNames()
                .forEachRemaining(path -> assertThat(path).startsWith("/api/v1/"));
        assertThat(document.at(
                                "/paths/~1api~1v1~1payslips/get/responses/403/content/application~1problem+json/schema/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/ProblemDetails");
    }

    @Test
    void contractWhenCommittedThenTheSameAsTheCodes() throws Exception {
        var document = live();
        if (Boolean.getBoolean("guichet.contract.write")) {
            Files.writeString(CONTRACT, JSON.writeValueAsString(document) + "\n");
        }
        assertThat(Files.exists(CONTRACT)).as(CONTRACT + " is committed").isTrue();
        assertThat(JSON.readTree(Files.readString(CONTRACT)))
                .as("api/openapi.json is the API as the code has it: write it again with"
                        + " -Dguichet.contract.write=true and read the difference")
                .isEqualTo(document);
    }
}
