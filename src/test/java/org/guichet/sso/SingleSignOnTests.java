package org.guichet.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.guichet.testing.Demo;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * An application signs an agent in through Guichet, as the specifications say: a relying party written with the
 * Nimbus SDK, over real HTTP, checks what it is given.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class SingleSignOnTests {

    static final String GIS_REDIRECT = "http://127.0.0.1:9081/login/oauth2/code/guichet";

    @LocalServerPort
    int port;

    @Test
    void signInWhenFromTheOfficeThenTheApplicationGetsAValidIdTokenWithTheAgentsClaims() throws Exception {
        var agent = new OidcAgent(port, TestData.officeAddress());
        var request = agent.request("gis", GIS_REDIRECT, "openid profile email roles", Map.of());

        var first = agent.get(request.pathAndQuery());
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(OidcAgent.location(first)).endsWith("/login");
        var back = agent.follow(agent.signIn(Demo.CAMILLE));
        var code = OidcAgent.code(back, request);
        var tokens = agent.exchange(request, code, "gis", "gis-demo-secret");
        var claims = agent.validate(tokens, request, "gis");

        assertThat(claims.getSubject().getValue()).isEqualTo(Demo.CAMILLE_SOI);
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo(Demo.CAMILLE);
        assertThat(claims.getStringClaim("email")).endsWith("@ville.example");
        assertThat(claims.getStringListClaim("amr")).containsExactly("pwd");
        assertThat(claims.getACR().getValue()).isEqualTo("urn:guichet:loa:password");
        assertThat(claims.getStringClaim("channel")).isEqualTo("internal");
        assertThat(claims.getStringClaim("sid")).isNotBlank();
        assertThat(claims.getAuthenticationTime()).isNotNull();
        assertThat(claims.getStringListClaim("roles")).contains("AGENT");
    }
}
