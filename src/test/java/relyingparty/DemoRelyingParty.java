package relyingparty;

import static org.springframework.security.config.Customizer.withDefaults;

import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * An application that signs agents in through Guichet, as the administration's own would: Spring Boot with Spring
 * Security's OAuth 2.0 client (authorization code with PKCE, the ID token checked against Guichet's published keys),
 * and its OpenID Connect back-channel logout, which ends the application's session when Guichet says the agent's
 * ended. It shows who signed in, and how. Outside Guichet's packages, on a port of its own.
 *
 * <p>Against the demo ({@code ./mvnw spring-boot:run}, then this class's {@code main}): it is the demo's {@code gis}
 * application, at http://127.0.0.1:9081/.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({
    PropertyPlaceholderAutoConfiguration.class,
    TomcatServletWebServerAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    WebMvcAutoConfiguration.class,
    ErrorMvcAutoConfiguration.class,
    HttpMessageConvertersAutoConfiguration.class,
    JacksonAutoConfiguration.class,
    SecurityAutoConfiguration.class,
    ServletWebSecurityAutoConfiguration.class,
    SecurityFilterAutoConfiguration.class,
    OAuth2ClientAutoConfiguration.class
})
@RestController
public class DemoRelyingParty {

    /** Starts it on this port, signing in through the Guichet at {@code guichet} as this client. */
    public static ConfigurableApplicationContext start(int port, String guichet, String clientId, String secret) {
        return new SpringApplicationBuilder(DemoRelyingParty.class)
                .properties(Map.of(
                        // none of Guichet's own configuration
                        "spring.config.name", "relying-party",
                        "spring.main.banner-mode", "off",
                        "server.port", String.valueOf(port),
                        "server.address", "127.0.0.1",
                        "spring.security.oauth2.client.registration.guichet.client-id", clientId,
                        "spring.security.oauth2.client.registration.guichet.client-secret", secret,
                        "spring.security.oauth2.client.registration.guichet.scope", "openid,profile,email,roles",
                        "spring.security.oauth2.client.registration.guichet.authorization-grant-type",
                                "authorization_code",
                        "spring.security.oauth2.client.provider.guichet.issuer-uri", guichet))
                .run();
    }

    public static void main(String[] args) {
        var guichet = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        start(9081, guichet, "gis", "gis-demo-secret");
    }

    @Bean
    SecurityFilterChain relyingParty(HttpSecurity http, ClientRegistrationRepository registrations) {
        var requests = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                .oauth2Login(login ->
                        login.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(requests)))
                .oidcLogout(logout -> logout.backChannel(withDefaults()));
        return http.build();
    }

    /** Who signed in, and how, as the ID token says. */
    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    String home(@AuthenticationPrincipal OidcUser user) {
        var claims = new StringBuilder();
        for (var name : java.util.List.of(
                "sub", "preferred_username", "email", "department", "roles", "amr", "acr", "channel", "sid")) {
            var value = user.getClaims().get(name);
            claims.append("<dt>")
                    .append(name)
                    .append("</dt><dd id=\"claim-")
                    .append(name)
                    .append("\">")
                    .append(HtmlUtils.htmlEscape(String.valueOf(value)))
                    .append("</dd>");
        }
        return """
                <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>SIG – démonstration</title>
                <meta name="viewport" content="width=device-width, initial-scale=1"></head>
                <body><main><h1 id="welcome">Bonjour %s</h1><p>Connecté au SIG par Guichet.</p><dl>%s</dl></main></body></html>
                """.formatted(HtmlUtils.htmlEscape(user.getFullName()), claims);
    }
}
