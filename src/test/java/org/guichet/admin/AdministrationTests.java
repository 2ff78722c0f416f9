package org.guichet.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.guichet.directory.DirectoryManagement;
import org.guichet.platform.LiveSettings;
import org.guichet.testing.Agents;
import org.guichet.testing.Demo;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.MockBrowser;
import org.guichet.testing.MutableClock;
import org.guichet.testing.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The administration: only ADMIN from the office reaches it; a wrong form changes nothing and says why next to the
 * field; an accepted change applies at once here and within seconds on another node, without restart, and lands in
 * the journal with its author and the value before.
 */
@IntegrationTest
class AdministrationTests {

    @Autowired
    Agents agents;

    private static final String OFFICE = "10.1.2.3";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    DirectoryManagement directory;

    @Autowired
    LiveSettings live;

    @Autowired
    Clock clock;

    @BeforeEach
    @AfterEach
    void configurationOnly() {
        jdbc.sql("DELETE FROM live_setting").update();
        jdbc.sql("UPDATE live_setting_version SET version = version + 1").update();
        live.refreshNow();
        ((MutableClock) clock).reset();
    }

    /** Sends the lockout form: threshold, first lock and longest lock in minutes, failures per address. */
    private static org.springframework.test.web.servlet.assertj.MvcTestResult lockout(
            MockBrowser admin, String threshold, String firstLock, String longestLock, String perAddress) {
        return admin.post(
                "/admin/lockout",
                "threshold",
                threshold,
                "firstLockMinutes",
                firstLock,
                "longestLockMinutes",
                longestLock,
                "failuresPerAddress",
                perAddress);
    }

    private MockBrowser nora() {
        var nora = new MockBrowser(mvc, OFFICE);
        nora.signInWithTotp("nora.lefevre", jdbc, clock);
        return nora;
    }

    @Test
    void administrationWhenNotAdminOrNotFromTheOfficeThenRefused() {
        var camille = new MockBrowser(mvc, OFFICE);
        camille.signIn("camille.martin", Demo.PASSWORD);
        assertThat(camille.get("/admin")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(camille.post("/admin/lockout", "threshold", "3")).hasStatus(HttpStatus.FORBIDDEN);
        var hugo = new MockBrowser(mvc, OFFICE);
        hugo.signInWithTotp("hugo.robert", jdbc, clock);
        assertThat(hugo.get("/admin")).hasStatus(HttpStatus.FORBIDDEN);
        var sarah = new MockBrowser(mvc, OFFICE);
        sarah.signInWithTotp("sarah.durand", jdbc, clock);
        assertThat(sarah.get("/admin")).hasStatus(HttpStatus.FORBIDDEN);
        var ines = new MockBrowser(mvc, OFFICE);
        ines.signInWithTotp("ines.petit", jdbc, clock);
        assertThat(ines.get("/admin")).hasStatus(HttpStatus.FORBIDDEN);

        assertThat(nora().get("/admin")).hasStatusOk();
        jdbc.sql("UPDATE totp_credential SET last_step = NULL").update();
        var noraOnVpn = MockBrowser.fromVpn(mvc);
        noraOnVpn.signInWithTotp("nora.lefevre", jdbc, clock);
        var fromVpn = noraOnVpn.get("/admin");
        assertThat(fromVpn).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(fromVpn).hasForwardedUrl("/access-denied");
    }

    @Test
    void lockoutWhenChangedThenAppliesAtOnceAndIsJournaledWithTheValueBefore() throws Exception {
        var nora = nora();
        var wrong = lockout(nora, "deux", "1", "30", "30");
        assertThat(wrong).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(nora.body(wrong)).contains("id=\"threshold-error\"", "de 3 à 20", "value=\"deux\"");
        // like every other form, a summary at the top lists each problem with a link to its field
        assertThat(nora.body(wrong)).contains("id=\"error-summary\"", "href=\"#threshold\"", "Rien n’a été enregistré");
        assertThat(live.find(org.guichet.identity.IdentitySettings.LIVE_LOCKOUT, Object.class))
                .isEmpty();

        assertThat(lockout(nora, "3", "2", "60", "30")).hasRedirectedUrl("/admin#lockout");

        var block = agents.create().named("Yanis").build().block();
        for (var attempt = 0; attempt < 3; attempt++) {
            SignIn.attempt(mvc, block.soi(1), "not-the-password-9", SignIn.from(OFFICE));
        }
        assertThat(SignIn.attempt(mvc, block.soi(1), Demo.PASSWORD, SignIn.from(OFFICE))
                        .getResponse()
                        .getRedirectedUrl())
                .contains("error");

        var entry = jdbc.sql("SELECT actor, details FROM journal_entry WHERE type = 'AdminSettingChanged'"
                        + " ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY")
                .query((rs, row) -> List.of(rs.getString(1), rs.getString(2)))
                .single();
        assertThat(entry.getFirst()).isEqualTo("1000006");
        assertThat((Integer) JsonPath.read(entry.get(1), "$.before.threshold")).isEqualTo(5);
        assertThat((Integer) JsonPath.read(entry.get(1), "$.after.threshold")).isEqualTo(3);
    }

    @Test
    void networksWhenChangedOnAnotherNodeThenThisNodeFollowsWithinSeconds() {
        var nora = nora();
        var lockedOut = nora.post(
                "/admin/networks",
                "internalNetworks",
                "192.168.0.0/16",
                "vpnNetworks",
                "10.200.0.0/16",
                "trustedProxies",
                "127.0.0.1/32");
        assertThat(lockedOut).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(nora.body(lockedOut)).contains("vous perdriez l’accès");
        var invalid = nora.post(
                "/admin/networks",
                "internalNetworks",
                "10.0.0.0/8 intranet.ville.example 10.0.0.0/99",
                "vpnNetworks",
                "10.200.0.0/16",
                "trustedProxies",
                "127.0.0.1/32");
        assertThat(invalid).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(nora.body(invalid)).contains("intranet.ville.example, 10.0.0.0/99");

        var visitor = new MockBrowser(mvc, "192.0.2.44");
        assertThat(visitor.getJson("/api/v1/check"))
                .bodyJson()
                .extractingPath("$.channel")
                .isEqualTo("NOMADIC");
        // another node saves the change: this one sees it once it looks again (every few seconds)
        jdbc.sql(
                        "INSERT INTO live_setting (name, content, updated_at, updated_by) VALUES ('access.networks', ?, ?, '1000006')")
                .params(
                        "{\"trustedProxies\":[\"127.0.0.1/32\",\"::1/128\"],\"vpnNetworks\":[\"10.200.0.0/16\"],"
                                + "\"internalNetworks\":[\"10.0.0.0/8\",\"127.0.0.0/8\",\"::1/128\",\"192.0.2.0/24\"]}",
                        java.sql.Timestamp.from(clock.instant()))
                .update();
        jdbc.sql("UPDATE live_setting_version SET version = version + 1").update();
        ((MutableClock) clock).advance(LiveSettings.REFRESH.plus(Duration.ofSeconds(1)));
        assertThat(visitor.getJson("/api/v1/check"))
                .bodyJson()
                .extractingPath("$.channel")
                .isEqualTo("INTERNAL");
    }

    @Test
    void serviceWhenClosedToTheVpnThenRefusedThereWithItsReason() {
        var nora = nora();
        assertThat(nora.post("/admin/services/payslips", "closedDepartments", ""))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(nora.post("/admin/services/hr-back-office", "channels", "INTERNAL"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(nora.post("/admin/services/payslips", "channels", "INTERNAL", "mfa", "VPN", "mfa", "NOMADIC"))
                .hasRedirectedUrl("/admin#service");
        var camille = MockBrowser.fromVpn(mvc);
        camille.signInWithTotp("camille.martin", jdbc, clock);
        var refused = camille.getJson("/api/v1/payslips");
        assertThat(refused).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(refused).bodyJson().extractingPath("$.errorCode").isEqualTo("CHANNEL_NOT_ALLOWED");
    }

    @Test
    void formsWhenSeveralFieldsAreWrongThenEachRuleSpeaksInTheFormsOrderAndNothingIsWritten() throws Exception {
        var nora = nora();
        var wrong = lockout(nora, "25", "0", "30", "5");
        assertThat(wrong).hasStatus(HttpStatus.BAD_REQUEST);
        var page = nora.body(wrong);
        assertThat(page).contains("Il y a 3 problèmes");
        assertThat(page.indexOf("href=\"#threshold\""))
                .isPositive()
                .isLessThan(page.indexOf("href=\"#firstLockMinutes\""));
        assertThat(page.indexOf("href=\"#firstLockMinutes\"")).isLessThan(page.indexOf("href=\"#failuresPerAddress\""));
        assertThat(page)
                .doesNotContain("href=\"#longestLockMinutes\"")
                .contains("de 3 à 20", "de 1 à 60", "de 10 à 10000");

        // a rule across two fields, once each field is right on its own
        var shorter = lockout(nora, "5", "30", "10", "30");
        assertThat(shorter).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(nora.body(shorter)).contains("href=\"#longestLockMinutes\"", "de 30 à 1440");
        var longIdle = nora.post("/admin/sessions", "idleMinutes", "200", "absoluteHours", "2");
        assertThat(longIdle).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(nora.body(longIdle)).contains("href=\"#idleMinutes\"", "ne peut dépasser");

        var blank =
                nora.post("/admin/charter", "titleFr", "   Charte   ", "titleEn", "  ", "textFr", "x", "textEn", "");
        assertThat(blank).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(nora.body(blank))
                .doesNotContain("href=\"#titleFr\"")
                .contains("href=\"#titleEn\"", "href=\"#textFr\"", "href=\"#textEn\"", "Un titre de 3 à 200");
        assertThat(live.find(org.guichet.identity.IdentitySettings.LIVE_LOCKOUT, Object.class))
                .isEmpty();
        assertThat(live.find(org.guichet.session.SessionRules.LIVE, Object.class))
                .isEmpty();
    }

    @Test
    void charterWhenPublishedThenEveryAgentAcceptsItAtTheNextSignIn() {
        var nora = nora();
        assertThat(nora.post("/admin/charter", "titleFr", "Ch", "titleEn", "", "textFr", "", "textEn", ""))
                .hasStatus(HttpStatus.BAD_REQUEST);
        var version = jdbc.sql("SELECT MAX(version) FROM charter_version")
                .query(Integer.class)
                .single();
        try {
            assertThat(nora.post(
                            "/admin/charter",
                            "titleFr",
                            "Charte informatique, édition 2027",
                            "titleEn",
                            "IT charter, 2027 edition",
                            "textFr",
                            "1. Objet. Cette version ajoute les règles du télétravail.",
                            "textEn",
                            "1. Purpose. This version adds the rules of telework."))
                    .hasRedirectedUrl("/admin#charter");
            var camille = new MockBrowser(mvc, OFFICE);
            camille.signIn("camille.martin", Demo.PASSWORD);
            assertThat(camille.get("/account")).hasRedirectedUrl("/sign-in/charter");
        } finally {
            jdbc.sql("DELETE FROM charter_acceptance WHERE version > ?")
                    .param(version)
                    .update();
            jdbc.sql("DELETE FROM charter_version WHERE version > ?")
                    .param(version)
                    .update();
        }
    }

    @Autowired
    org.guichet.network.ClientConnections connections;

    @Autowired
    org.guichet.access.ServiceCatalogue catalogue;

    @Autowired
    org.guichet.identity.IdentityManagement identity;

    @Autowired
    org.guichet.identity.SecondFactors secondFactors;

    @Autowired
    org.guichet.session.SessionManagement sessions;

    private static List<String> refusal(Runnable change) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(
                        org.guichet.platform.LiveSettingRejected.class, change::run)
                .problems()
                .stream()
                .map(problem -> problem.field() + " " + problem.key())
                .toList();
    }

    @Test
    void ownerWhenGivenAWrongSettingDirectlyThenRefusesItByItsOwnRulesAndStoresNothing() {
        var zones = connections.zones();
        assertThat(refusal(() -> connections.changeZones(
                        new org.guichet.network.NetworkZones(List.of("10.0.0.0/33"), zones.vpnNetworks(), List.of("x")),
                        "1000010")))
                .containsExactly("trustedProxies network.error.ranges", "internalNetworks network.error.ranges");
        var opening = org.guichet.access.ServiceOpening.of(catalogue.all().getFirst());
        assertThat(refusal(() -> catalogue.changeOpening(
                        catalogue.all().getFirst().id(),
                        new org.guichet.access.ServiceOpening(
                                java.util.Set.of(), opening.assurance(), java.util.Set.of("roads")),
                        "1000010")))
                .containsExactly("channels access.error.channelsEmpty", "closedDepartments access.error.departments");
        var lockout = identity.lockoutRules();
        assertThat(refusal(() -> identity.changeLockout(
                        new org.guichet.identity.IdentitySettings.Lockout(
                                0,
                                Duration.ofMinutes(10),
                                Duration.ofMinutes(5),
                                lockout.forgetAfter(),
                                lockout.failuresPerAddress(),
                                lockout.trustedDeviceLifetime()),
                        "1000010")))
                .containsExactly(
                        "threshold identity.error.lockoutInvalid", "longestLock identity.error.lockoutInvalid");
        var mfa = secondFactors.rules();
        assertThat(refusal(() -> secondFactors.changeRules(
                        new org.guichet.identity.IdentitySettings.Mfa(
                                java.util.Set.of(org.guichet.network.Channel.NOMADIC),
                                mfa.alwaysForSensitive(),
                                mfa.alwaysForRoles(),
                                mfa.stepUpWindow(),
                                mfa.codeFailures()),
                        "1000010")))
                .containsExactly("channelsWithoutMfa identity.error.mfaFromInternet");
        assertThat(refusal(() -> sessions.changeRules(
                        new org.guichet.session.SessionRules(Duration.ofHours(3), Duration.ofHours(2)), "1000010")))
                .containsExactly("idleTimeout session.error.idleLongerThanLifetime");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM live_setting")
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
