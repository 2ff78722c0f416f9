package org.guichet.directory.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.directory.SyncRun;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.MockBrowser;
import org.guichet.testing.Slapd;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The synchronisation and the directory's passwords against a real OpenLDAP ({@code slapd}, Debian's), which refuses
 * any simple bind without TLS and locks an entry after {@value Slapd#MAX_FAILURES} wrong passwords (ppolicy): the run
 * goes over StartTLS trusting the configured CA only, a run without StartTLS or trusting another CA is refused and
 * writes nothing, an agent signs in with the directory's password, Guichet locks them after five failures while the
 * directory counted five and still accepts the right password, and an account the directory locked is said so.
 */
@IntegrationTest
class LdapSlapdTests {

    private static final Slapd SLAPD = start();

    private static Slapd start() {
        try {
            return Slapd.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        SLAPD.close();
    }

    @DynamicPropertySource
    static void directory(DynamicPropertyRegistry properties) {
        properties.add("guichet.directory.ldap.url", SLAPD::url);
        properties.add("guichet.directory.ldap.start-tls", () -> "true");
        properties.add("guichet.directory.ldap.ca-certificates", SLAPD.certificate::toString);
        properties.add("guichet.directory.ldap.bind-dn", () -> Slapd.READER_DN);
        properties.add("guichet.directory.ldap.bind-password", () -> Slapd.READER_PASSWORD);
        properties.add("guichet.directory.ldap.base-dn", () -> Slapd.PEOPLE);
        properties.add("guichet.directory.ldap.passwords", () -> "true");
        properties.add("guichet.directory.ldap.password-write-back", () -> "true");
    }

    @Autowired
    LdapSync sync;

    @Autowired
    LdapSettings settings;

    @Autowired
    LdapEntryRepository known;

    @Autowired
    LdapRunRepository runs;

    @Autowired
    net.javacrumbs.shedlock.core.LockProvider locks;

    @Autowired
    DirectoryManagement directory;

    @Autowired
    java.time.Clock clock;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Autowired
    MockMvcTester mvc;

    private static String dn(String soi) {
        return "uid=a" + soi + "," + Slapd.PEOPLE;
    }

    /** A department of its own and these agents' entries in slapd, the first the others' manager. */
    private void entries(TestData.Block block, int count, String password) throws Exception {
        var department = block.department("S");
        directory.importDepartments(
                new java.io.ByteArrayInputStream(("code;name\n" + department + ";Service " + block.name() + "\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        var ldif = new StringBuilder();
        for (int i = 0; i < count; i++) {
            var soi = block.soi(i);
            ldif.append("dn: ")
                    .append(dn(soi))
                    .append('\n')
                    .append("objectClass: inetOrgPerson\n")
                    .append("uid: a")
                    .append(soi)
                    .append('\n')
                    .append("cn: Agent ")
                    .append(soi)
                    .append('\n')
                    .append("givenName: Agent\n")
                    .append("sn: ")
                    .append(block.name())
                    .append((char) ('a' + i % 26))
                    .append('\n')
                    .append("employeeNumber: ")
                    .append(soi)
                    .append('\n')
                    .append("departmentNumber: ")
                    .append(department)
                    .append('\n')
                    .append("mail: a")
                    .append(soi)
                    .append("@ville.example\n")
                    .append("userPassword: ")
                    .append(password)
                    .append('\n');
            if (i > 0) {
                ldif.append("manager: ").append(dn(block.soi(0))).append('\n');
            }
            ldif.append('\n');
        }
        SLAPD.add(ldif.toString());
    }

    private LdapSync connectingWith(
            String url, boolean startTls, @org.jspecify.annotations.Nullable String caCertificates) {
        var other = settings.with(url, startTls, caCertificates, settings.maxDepartures());
        return new LdapSync(other, new LdapEntries(other), known, directory, clock, runs, locks, meters);
    }

    @Test
    void synchroniseWhenTheDirectoryWantsTlsThenStartTlsCarriesItAndAnUntrustedServerIsRefused() throws Exception {
        var block = TestData.block();
        entries(block, 30, "Annuaire-de-la-ville-1");
        // slapd writes change times to the second: the latest one, alone in its second, is where runs of changes start
        Thread.sleep(1_100);
        SLAPD.modify(dn(block.soi(0)), "title", "Chef de service");

        // without StartTLS, the server refuses the reading account's bind: recorded, nothing written
        var plain = connectingWith(SLAPD.url(), false, null).run(SyncRun.StartedFrom.COMMAND, null, false, false);
        assertThat(plain.orElseThrow().outcome()).isEqualTo(SyncRun.Outcome.UNREACHABLE);
        assertThat(plain.orElseThrow().detail()).containsIgnoringCase("confidentiality required");
        // trusting another CA than the one that signed the server's certificate: refused before any bind
        var otherCa = Files.createTempFile("guichet-other-ca", ".pem");
        Slapd.certificate(otherCa, otherCa.resolveSibling(otherCa.getFileName() + ".key"));
        var untrusted = connectingWith(SLAPD.url(), true, otherCa.toString())
                .run(SyncRun.StartedFrom.COMMAND, null, false, false);
        assertThat(untrusted.orElseThrow().outcome()).isEqualTo(SyncRun.Outcome.UNREACHABLE);
        assertThat(directory.findById(AgentId.of(block.soi(0))))
                .as("nothing written")
                .isEmpty();

        // LDAPS trusting another CA: refused too; trusting the directory's: read (a dry run)
        var ldapsUntrusted = connectingWith(SLAPD.ldapsUrl(), false, otherCa.toString())
                .run(SyncRun.StartedFrom.COMMAND, null, true, false);
        assertThat(ldapsUntrusted.orElseThrow().outcome()).isEqualTo(SyncRun.Outcome.UNREACHABLE);
        var ldaps = connectingWith(SLAPD.ldapsUrl(), false, SLAPD.certificate.toString())
                .run(SyncRun.StartedFrom.COMMAND, null, true, false)
                .orElseThrow();
        assertThat(ldaps.outcome()).as(String.valueOf(ldaps.detail())).isEqualTo(SyncRun.Outcome.DONE);
        assertThat(ldaps.created()).isGreaterThanOrEqualTo(30);

        // over StartTLS, trusting the directory's CA: every agent, with their manager
        var run = sync.run(SyncRun.StartedFrom.COMMAND, null, false, false).orElseThrow();
        assertThat(run.outcome()).isEqualTo(SyncRun.Outcome.DONE);
        for (int i = 0; i < 30; i++) {
            var agent = directory.findById(AgentId.of(block.soi(i))).orElseThrow();
            assertThat(agent.email()).isEqualTo("a" + block.soi(i) + "@ville.example");
            assertThat(agent.managerId()).isEqualTo(i == 0 ? null : AgentId.of(block.soi(0)));
        }
        var again = sync.run(SyncRun.StartedFrom.COMMAND, null, false, false).orElseThrow();
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();

        // a run of the changes reads what changed since (slapd's modifyTimestamp, to the second)
        Thread.sleep(1_100);
        SLAPD.modify(dn(block.soi(7)), "title", "Responsable de secteur");
        var changes = sync.run(SyncRun.StartedFrom.COMMAND, null, false, true).orElseThrow();
        assertThat(changes.changesOnly()).isTrue();
        assertThat(changes.entries())
                .as("the changed entry and the one changed in the last run's latest second")
                .isEqualTo(2);
        assertThat(changes.updated()).isEqualTo(1);
        assertThat(directory.findById(AgentId.of(block.soi(7))).orElseThrow().jobTitle())
                .isEqualTo("Responsable de secteur");
    }

    @Test
    void signInWhenThePasswordLivesInSlapdThenGuichetLocksAfterFiveFailuresAndTheDirectoryAccountStaysUsable()
            throws Exception {
        var block = TestData.block();
        entries(block, 2, "Annuaire-de-la-ville-1");
        sync.run(SyncRun.StartedFrom.COMMAND, null, false, false).orElseThrow();
        var soi = block.soi(0);

        var signedIn = new MockBrowser(mvc).signIn("a" + soi, "Annuaire-de-la-ville-1");
        assertThat(signedIn.getResponse().getRedirectedUrl()).doesNotContain("error");

        for (int i = 0; i < 5; i++) {
            assertThat(new MockBrowser(mvc)
                            .signIn("a" + soi, "Pas-le-bon-" + i)
                            .getResponse()
                            .getRedirectedUrl())
                    .contains("error");
        }
        var browser = new MockBrowser(mvc);
        assertThat(browser.signIn("a" + soi, "Annuaire-de-la-ville-1")
                        .getResponse()
                        .getRedirectedUrl())
                .contains("error");
        assertThat(browser.body(browser.get("/login?error"))).contains("bloqué");
        // the directory saw the five failures (its policy counts them), not more, and did not lock the account:
        // the agent's Windows session and mail still open with the right password
        assertThat(SLAPD.values(dn(soi), "pwdFailureTime")).hasSize(5);
        assertThat(SLAPD.values(dn(soi), "pwdAccountLockedTime")).isEmpty();
        assertThat(SLAPD.accepts(dn(soi), "Annuaire-de-la-ville-1")).isTrue();

        // an account the directory's policy locked (guessed at elsewhere) is said so, in words the agent can act on
        var lockedSoi = block.soi(1);
        for (int i = 0; i < Slapd.MAX_FAILURES; i++) {
            assertThat(SLAPD.accepts(dn(lockedSoi), "Devine-" + i)).isFalse();
        }
        assertThat(SLAPD.values(dn(lockedSoi), "pwdAccountLockedTime")).isNotEmpty();
        var agent = new MockBrowser(mvc);
        assertThat(agent.signIn("a" + lockedSoi, "Annuaire-de-la-ville-1")
                        .getResponse()
                        .getRedirectedUrl())
                .contains("error");
        assertThat(agent.body(agent.get("/login?error"))).contains("verrouillé dans l’annuaire de la ville");
    }

    @Autowired
    org.guichet.identity.password.PasswordService passwords;

    @Test
    void changeWhenGuichetWritesPasswordsBackThenTheDirectoryTakesTheNewOneHashedAndItsPolicyStillHolds()
            throws Exception {
        var block = TestData.block();
        entries(block, 1, "Annuaire-de-la-ville-1");
        sync.run(SyncRun.StartedFrom.COMMAND, null, false, false).orElseThrow();
        var soi = block.soi(0);
        var agent = directory.findById(AgentId.of(soi)).orElseThrow();

        // Guichet's own policy first: nothing reaches the directory
        assertThatThrownBy(() -> passwords.change(
                        agent,
                        "court",
                        org.guichet.identity.PasswordChangeReason.CHANGED,
                        null,
                        java.util.Locale.FRENCH))
                .isInstanceOf(org.guichet.identity.PasswordRejectedException.class);
        assertThat(SLAPD.accepts(dn(soi), "Annuaire-de-la-ville-1")).isTrue();

        passwords.change(
                agent,
                "Un-nouveau-mot-de-passe-2026",
                org.guichet.identity.PasswordChangeReason.CHANGED,
                null,
                java.util.Locale.FRENCH);
        assertThat(SLAPD.accepts(dn(soi), "Un-nouveau-mot-de-passe-2026")).isTrue();
        assertThat(SLAPD.accepts(dn(soi), "Annuaire-de-la-ville-1")).isFalse();
        assertThat(SLAPD.values(dn(soi), "userPassword"))
                .singleElement()
                .as("hashed by the directory")
                .satisfies(value -> assertThat(value).startsWith("{"));
        var signedIn = new MockBrowser(mvc).signIn("a" + soi, "Un-nouveau-mot-de-passe-2026");
        assertThat(signedIn.getResponse().getRedirectedUrl()).doesNotContain("error");

        // the directory's own policy: an earlier password is refused, in words
        assertThatThrownBy(() -> passwords.change(
                        agent,
                        "Annuaire-de-la-ville-1",
                        org.guichet.identity.PasswordChangeReason.CHANGED,
                        null,
                        java.util.Locale.FRENCH))
                .isInstanceOf(org.guichet.identity.PasswordRejectedException.class)
                .satisfies(refused -> assertThat(((org.guichet.identity.PasswordRejectedException) refused).problems())
                        .containsExactly(org.guichet.identity.PasswordProblem.DIRECTORY_REFUSED));
        assertThat(SLAPD.accepts(dn(soi), "Un-nouveau-mot-de-passe-2026")).isTrue();
    }
}
