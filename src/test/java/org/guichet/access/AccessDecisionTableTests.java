package org.guichet.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.MockBrowser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The decision table of the default catalogue, channel by channel, as {@code GET /api/v1/services} gives it: each
 * service open, or closed with its reason code, a sentence that names the channel, and a remedy. Channels are
 * simulated through {@code X-Forwarded-For} from the trusted loopback proxy: 10.1.2.3 is the office network,
 * 10.200.0.5 the VPN, 203.0.113.7 the internet.
 */
@IntegrationTest
class AccessDecisionTableTests {

    private static final List<String> SERVICES = List.of(
            "payslips",
            "leave",
            "schedule",
            "requests",
            "messaging",
            "directory",
            "guichet-mobile",
            "gis",
            "technical-management",
            "confidential-documents",
            "hr-back-office",
            "helpdesk",
            "security",
            "administration");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    JsonMapper json;

    /**
     * Columns: payslips, leave, schedule, requests, messaging, directory, guichet-mobile, gis, technical-management,
     * confidential-documents, hr-back-office, helpdesk, security, administration. {@code OK} is open; {@code CHANNEL}, {@code ROLE}, {@code DEPARTMENT},
     * {@code MFA}, {@code MISSING} stand for CHANNEL_NOT_ALLOWED, ROLE_REQUIRED, DISABLED_FOR_DEPARTMENT, MFA_REQUIRED,
     * NOMADIC_PROFILE_MISSING.
     */
    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # camille.martin: roads department, remote access active, signed in with a password only on the office network
            camille.martin | 10.1.2.3    | OK OK OK OK OK OK OK OK      OK         MFA        ROLE ROLE ROLE ROLE
            camille.martin | 10.200.0.5  | OK OK OK OK OK OK OK OK      CHANNEL    CHANNEL    ROLE ROLE ROLE ROLE
            camille.martin | 203.0.113.7 | OK OK OK OK OK OK OK CHANNEL CHANNEL    CHANNEL    ROLE ROLE ROLE ROLE
            # ines.petit: HR, sensitive profile (a second factor everywhere), no remote access
            ines.petit     | 10.1.2.3    | OK OK OK OK OK OK OK OK      DEPARTMENT OK         OK ROLE ROLE ROLE
            ines.petit     | 10.200.0.5  | OK OK OK OK OK OK OK OK      DEPARTMENT CHANNEL    OK ROLE ROLE ROLE
            ines.petit     | 203.0.113.7 | MISSING MISSING MISSING MISSING MISSING MISSING MISSING CHANNEL DEPARTMENT CHANNEL CHANNEL ROLE ROLE ROLE
            """)
    void servicesWhenListedFromEachChannelThenTheDecisionTable(String login, String address, String expected) {
        var browser = new MockBrowser(mvc, address);
        browser.signInWithTotp(login, jdbc, clock);

        var services = services(browser);

        var wanted = new LinkedHashMap<String, String>();
        var codes = Arrays.asList(expected.trim().split("\\s+"));
        for (int i = 0; i < SERVICES.size(); i++) {
            wanted.put(SERVICES.get(i), code(codes.get(i)));
        }
        var actual = new LinkedHashMap<String, String>();
        for (var service : services) {
            var reason = (Map<?, ?>) service.get("reason");
            actual.put((String) service.get("id"), reason == null ? "ALLOWED" : (String) reason.get("code"));
            if (reason != null) {
                assertThat((String) reason.get("message"))
                        .as("sentence of " + service.get("id"))
                        .isNotBlank();
                var remedy = (Map<?, ?>) service.get("remedy");
                assertThat(remedy).as("remedy of " + service.get("id")).isNotNull();
                assertThat((String) remedy.get("href")).startsWith("/");
                assertThat((String) remedy.get("label")).isNotBlank();
            }
        }
        assertThat(actual).isEqualTo(wanted);
    }

    private List<Map<String, Object>> services(MockBrowser browser) {
        var result = browser.getJson("/api/v1/services");
        assertThat(result).hasStatusOk();
        return json.readValue(browser.body(result), new TypeReference<>() {});
    }

    private static String code(String shorthand) {
        return switch (shorthand) {
            case "OK" -> "ALLOWED";
            case "CHANNEL" -> "CHANNEL_NOT_ALLOWED";
            case "ROLE" -> "ROLE_REQUIRED";
            case "DEPARTMENT" -> "DISABLED_FOR_DEPARTMENT";
            case "MFA" -> "MFA_REQUIRED";
            case "MISSING" -> "NOMADIC_PROFILE_MISSING";
            default -> throw new IllegalArgumentException(shorthand);
        };
    }
}
