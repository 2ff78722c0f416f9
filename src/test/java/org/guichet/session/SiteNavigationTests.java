package org.guichet.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.regex.Pattern;
import org.guichet.testing.Agents;
import org.guichet.testing.Demo;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.MockBrowser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The header's navigation: none while a sign-in is incomplete (its links would only lead back to the step), then
 * only the services open to the agent from where they are, and the back offices of their roles.
 */
@IntegrationTest
class SiteNavigationTests {

    private static final Pattern NAV = Pattern.compile("<nav class=\"site-nav\".*?</nav>", Pattern.DOTALL);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Clock clock;

    @Autowired
    Agents agents;

    /** A new agent, as Jules Garcia is in the README: the password to change, the charter not accepted yet. */
    Agents.TestAgent newcomer;

    @BeforeEach
    void aNewAgent() {
        newcomer = agents.create()
                .named("Jules")
                .mustChangePassword()
                .withoutCharter()
                .build();
    }

    private static String nav(String page) {
        var matcher = NAV.matcher(page);
        return matcher.find() ? matcher.group() : "";
    }

    @Test
    void signInStepWhenShownThenNameLanguageAndSignOutOnly() {
        var jules = new MockBrowser(mvc);
        jules.signIn(newcomer.login(), Demo.PASSWORD);

        var step = jules.body(jules.get("/sign-in/password"));

        assertThat(step).contains("account__name", "/logout", "lang=en");
        assertThat(nav(step)).isEmpty();
        assertThat(step).doesNotContain("site-menu__list", "href=\"/payslips\"", "href=\"/notifications\"");
    }

    @Test
    void agentWhenSignedInThenHerServicesAndNoBackOffice() {
        var camille = new MockBrowser(mvc);
        camille.signIn(Demo.CAMILLE, Demo.PASSWORD);

        var nav = nav(camille.body(camille.get("/account")));

        assertThat(nav).contains("href=\"/\"", "href=\"/payslips\"", "href=\"/leave\"", "href=\"/remote-access\"");
        assertThat(nav).doesNotContain("href=\"/hr\"", "href=\"/support\"", "href=\"/admin\"", "href=\"/approvals\"");
    }

    @Test
    void managerWhenSignedInThenApprovalsToo() {
        var lucas = new MockBrowser(mvc);
        lucas.signIn(Demo.LUCAS, Demo.PASSWORD);

        assertThat(nav(lucas.body(lucas.get("/account")))).contains("href=\"/approvals\"");
    }

    @Test
    void backOfficeWhenClosedFromWhereTheAgentIsThenNotListed() {
        var inOffice = new MockBrowser(mvc);
        inOffice.signInWithTotp("ines.petit", jdbc, clock);
        assertThat(nav(inOffice.body(inOffice.get("/account")))).contains("href=\"/hr\"");

        // the HR back office is open from the office and the VPN only: from the internet, not listed
        jdbc.sql("UPDATE totp_credential SET last_step = NULL WHERE soi = '1000003'")
                .update();
        var fromInternet = MockBrowser.fromInternet(mvc);
        fromInternet.signInWithTotp("ines.petit", jdbc, clock);
        var page = fromInternet.body(fromInternet.get("/remote-access"));
        assertThat(page).contains("account__name");
        assertThat(nav(page)).contains("href=\"/remote-access\"").doesNotContain("href=\"/hr\"");
    }
}
