package org.guichet.directory.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentStatus;
import org.guichet.directory.DirectoryManagement;
import org.guichet.directory.SyncRun;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The synchronisation with an LDAP directory, against UnboundID's in-memory directory server loaded with an
 * organisation of 3,000 agents in thirty departments: a dry run writes nothing, a run creates them exactly (managers
 * by DN, login, address, title), a second run changes nothing, then a move, a disabled account, a deleted entry and an
 * entry without staff number are each acted on as they should, the journal saying "LDAP"; an agent's own mobile is
 * kept; and a run that would depart more agents than allowed writes nothing.
 */
@IntegrationTest
class LdapSyncTests {

    private static final String BASE = org.guichet.testing.InMemoryLdap.BASE;
    private static final String PEOPLE = org.guichet.testing.InMemoryLdap.PEOPLE;
    private static final int DEPARTMENTS = 30;
    private static final int PER_DEPARTMENT = 100;

    /** The simple binds the directory received, by DN; a DN here answers as Active Directory does for a locked account. */
    private static final Binds BINDS = new Binds();

    private static final InMemoryDirectoryServer SERVER = start();

    static final class Binds extends com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor {

        final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> count =
                new java.util.concurrent.ConcurrentHashMap<>();
        final java.util.Set<String> lockedInDirectory = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public void processSimpleBindRequest(
                com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest request)
                throws com.unboundid.ldap.sdk.LDAPException {
            var dn = request.getRequest().getBindDN().toLowerCase(java.util.Locale.ROOT);
            count.computeIfAbsent(dn, k -> new java.util.concurrent.atomic.AtomicInteger())
                    .incrementAndGet();
            if (lockedInDirectory.contains(dn)) {
                throw new com.unboundid.ldap.sdk.LDAPException(
                        com.unboundid.ldap.sdk.ResultCode.INVALID_CREDENTIALS,
                        "80090308: LdapErr: DSID-0C09042A, comment: AcceptSecurityContext error, data 775, v3839");
            }
        }

        int of(String dn) {
            var bound = count.get(dn.toLowerCase(java.util.Locale.ROOT));
            return bound == null ? 0 : bound.get();
        }
    }

    private static InMemoryDirectoryServer start() {
        return org.guichet.testing.InMemoryLdap.start(BINDS);
    }

    @AfterAll
    static void stop() {
        SERVER.shutDown(true);
    }

    @DynamicPropertySource
    static void directory(DynamicPropertyRegistry properties) {
        properties.add("guichet.directory.ldap.url", () -> "ldap://127.0.0.1:" + SERVER.getListenPort());
        properties.add("guichet.directory.ldap.bind-dn", () -> "cn=guichet," + BASE);
        properties.add("guichet.directory.ldap.bind-password", () -> "lecture-seule");
        properties.add("guichet.directory.ldap.base-dn", () -> PEOPLE);
        properties.add("guichet.directory.ldap.page-size", () -> "300");
        properties.add("guichet.directory.ldap.depart-missing", () -> "true");
        properties.add("guichet.directory.ldap.passwords", () -> "true");
        properties.add("guichet.directory.ldap.group-roles[cn=rh,ou=groups," + BASE + "]", () -> "HR");
        properties.add("guichet.directory.ldap.group-roles[cn=assistance,ou=groups," + BASE + "]", () -> "SUPPORT");
        // every person, so that an entry without a staff number is read (and reported); the default asks for one
        properties.add("guichet.directory.ldap.user-filter", () -> "(objectClass=inetOrgPerson)");
    }

    @Autowired
    LdapSync sync;

    @Autowired
    LdapSettings settings;

    @Autowired
    LdapEntries entries;

    @Autowired
    LdapEntryRepository known;

    @Autowired
    DirectoryManagement directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    LdapRunRepository runs;

    @Autowired
    net.javacrumbs.shedlock.core.LockProvider locks;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private static String dn(String soi) {
        return "uid=a" + soi + "," + PEOPLE;
    }

    /** Twenty departments of a hundred agents, each department's first agent the manager of the others. */
    private List<String> organisation() throws Exception {
        var sois = new ArrayList<String>();
        var departments = new StringBuilder("code;name\n");
        var blocks = new ArrayList<TestData.Block>();
        for (int d = 0; d < DEPARTMENTS; d++) {
            var block = TestData.block();
            blocks.add(block);
            departments
                    .append(block.department("L"))
                    .append(";Service LDAP ")
                    .append(block.name())
                    .append('\n');
        }
        directory.importDepartments(new java.io.ByteArrayInputStream(
                departments.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        for (var block : blocks) {
            var head = block.soi(0);
            for (int i = 0; i < PER_DEPARTMENT; i++) {
                var soi = block.soi(i);
                var attributes = new ArrayList<Attribute>(List.of(
                        new Attribute("objectClass", "inetOrgPerson"),
                        new Attribute("uid", "a" + soi),
                        new Attribute("cn", "Agent " + soi),
                        new Attribute("givenName", "Agent"),
                        new Attribute("sn", block.name() + (char) ('a' + i % 26) + (char) ('a' + i / 26)),
                        new Attribute("employeeNumber", soi),
                        new Attribute("departmentNumber", block.department("L")),
                        new Attribute("title", i == 0 ? "Chef de service" : "Agent"),
                        new Attribute("mail", "a" + soi + "@ville.example")));
                if (i != 0) {
                    // as some directories write it: other spacing and case, the same entry
                    attributes.add(new Attribute(
                            "manager",
                            i % 2 == 0 ? dn(head) : dn(head).replace(",", ", ").toUpperCase()));
                }
                SERVER.add(new Entry(dn(soi), attributes));
                sois.add(soi);
            }
        }
        return sois;
    }

    /** How many of these agents the directory holds (one query: they are the twenty departments' agents). */
    private int stored(List<String> sois) {
        var first = sois.stream().map(Integer::parseInt).min(Integer::compare).orElseThrow();
        var last = sois.stream().map(Integer::parseInt).max(Integer::compare).orElseThrow();
        var inRange = jdbc.sql("SELECT soi FROM agent WHERE soi BETWEEN ? AND ?")
                .params(String.valueOf(first), String.valueOf(last))
                .query(String.class)
                .list();
        return (int)
                inRange.stream().filter(new java.util.HashSet<>(sois)::contains).count();
    }

    @Test
    void synchroniseWhenTheDirectoryChangesThenAgentsAreCreatedMovedSuspendedAndDepartedExactly() throws Exception {
        var sois = organisation();

        var planned = sync.synchronise(true);
        assertThat(planned.report().created()).isGreaterThanOrEqualTo(sois.size());
        assertThat(stored(sois)).as("a dry run writes nothing").isZero();

        var first = sync.synchronise(false);
        assertThat(first.report().rejected()).isEmpty();
        assertThat(first.report().created()).isEqualTo(planned.report().created());
        assertThat(stored(sois)).isEqualTo(sois.size());
        var someone = directory.findById(AgentId.of(sois.get(5))).orElseThrow();
        assertThat(someone.login()).isEqualTo("a" + sois.get(5));
        assertThat(someone.email()).isEqualTo("a" + sois.get(5) + "@ville.example");
        assertThat(someone.managerId()).isEqualTo(AgentId.of(sois.get(0)));
        assertThat(someone.jobTitle()).isEqualTo("Agent");
        assertThat(journal("AgentCreated", sois.get(5))).contains("\"source\":\"LDAP\"");

        assertThat(meters.get("guichet.directory.changes")
                        .tag("source", "LDAP")
                        .tag("outcome", "created")
                        .counter()
                        .count())
                .as("counted for Prometheus")
                .isGreaterThanOrEqualTo(sois.size());

        var again = sync.synchronise(false);
        assertThat(again.report().created()).isZero();
        assertThat(again.report().updated()).isZero();

        // a move to another department and manager, a disabled account, a deleted entry, an entry without number
        var moved = sois.get(150);
        var otherHead = sois.get(300);
        SERVER.modify(
                dn(moved),
                new Modification(
                        ModificationType.REPLACE,
                        "departmentNumber",
                        directory.findById(AgentId.of(otherHead)).orElseThrow().departmentCode()),
                new Modification(ModificationType.REPLACE, "manager", dn(otherHead)));
        var disabled = sois.get(151);
        SERVER.modify(dn(disabled), new Modification(ModificationType.ADD, "pwdAccountLockedTime", "20261206120000Z"));
        var leaver = sois.get(152);
        SERVER.delete(dn(leaver));
        SERVER.add(new Entry(
                "uid=stagiaire," + PEOPLE,
                new Attribute("objectClass", "inetOrgPerson"),
                new Attribute("uid", "stagiaire"),
                new Attribute("cn", "Stagiaire"),
                new Attribute("sn", "Stagiaire")));
        // an agent's own mobile stays; the directory's fills a blank
        var ownMobile = sois.get(153);
        directory.changeMobile(AgentId.of(ownMobile), "+33639981153");
        SERVER.modify(dn(ownMobile), new Modification(ModificationType.ADD, "mobile", "+33639982153"));
        var blankMobile = sois.get(154);
        SERVER.modify(dn(blankMobile), new Modification(ModificationType.ADD, "mobile", "+33639982154"));

        var changes = sync.synchronise(false);

        assertThat(changes.report().rejected()).isEmpty();
        assertThat(changes.withoutSoi()).containsExactly("uid=stagiaire," + PEOPLE);
        assertThat(changes.departures()).containsExactly(leaver);
        var movedAgent = directory.findById(AgentId.of(moved)).orElseThrow();
        assertThat(movedAgent.managerId()).isEqualTo(AgentId.of(otherHead));
        assertThat(journal("AgentChanged", moved)).contains("\"source\":\"LDAP\"", "\"department\"", "\"manager_soi\"");
        assertThat(journal("AgentTransferred", moved)).isNotEmpty();
        assertThat(directory.findById(AgentId.of(disabled)).orElseThrow().status())
                .isEqualTo(AgentStatus.SUSPENDED);
        assertThat(directory.findById(AgentId.of(leaver)).orElseThrow().status())
                .isEqualTo(AgentStatus.DEPARTED);
        assertThat(journal("AgentStatusChanged", leaver)).contains("DEPARTED");
        assertThat(directory.findById(AgentId.of(ownMobile)).orElseThrow().mobile())
                .isEqualTo("+33639981153");
        assertThat(directory.findById(AgentId.of(blankMobile)).orElseThrow().mobile())
                .isEqualTo("+33639982154");
        // exactly these four changed (the agent's own mobile kept: unchanged)
        assertThat(changes.report().updated()).isEqualTo(4);

        // a run that would depart more agents than allowed writes nothing
        SERVER.delete(dn(sois.get(160)));
        SERVER.delete(dn(sois.get(161)));
        var strict = new LdapSync(
                settings.with(settings.url(), settings.startTls(), settings.caCertificates(), 1),
                entries,
                known,
                directory,
                clock,
                runs,
                locks,
                meters);
        assertThatThrownBy(() -> strict.synchronise(false)).isInstanceOf(LdapSync.TooManyDepartures.class);
        var refused =
                strict.run(SyncRun.StartedFrom.SCHEDULE, null, false, false).orElseThrow();
        assertThat(refused.outcome()).isEqualTo(SyncRun.Outcome.TOO_MANY_DEPARTURES);
        assertThat(refused.departed()).isEqualTo(2);
        assertThat(directory.findById(AgentId.of(sois.get(160))).orElseThrow().status())
                .isEqualTo(AgentStatus.ACTIVE);
    }

    @Autowired
    org.springframework.test.web.servlet.assertj.MockMvcTester mvc;

    @Autowired
    org.guichet.identity.password.PasswordService passwordService;

    @Test
    void signInWhenThePasswordLivesInTheDirectoryThenABindChecksItAndGuichetLocksBeforeTheDirectoryWould()
            throws Exception {
        var block = TestData.block();
        var department = department(block, "P");
        var soi = block.soi(0);
        var lockedSoi = block.soi(1);
        for (var each : List.of(soi, lockedSoi)) {
            addAgent(each, department, block.name(), new Attribute("userPassword", "Annuaire-de-la-ville-1"));
        }
        sync.synchronise(false);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM password_credential WHERE soi = ?")
                        .param(soi)
                        .query(Integer.class)
                        .single())
                .as("Guichet keeps no password for them")
                .isZero();

        // the directory's password signs in; Guichet's demo password does not
        var signedIn = new org.guichet.testing.MockBrowser(mvc).signIn("a" + soi, "Annuaire-de-la-ville-1");
        assertThat(signedIn.getResponse().getRedirectedUrl()).doesNotContain("error");
        assertThat(BINDS.of(dn(soi))).isEqualTo(1);
        var empty = new org.guichet.testing.MockBrowser(mvc).signIn("a" + soi, "");
        assertThat(empty.getResponse().getRedirectedUrl()).contains("error");
        assertThat(BINDS.of(dn(soi)))
                .as("no anonymous bind for an empty password")
                .isEqualTo(1);

        // the password is changed in the directory, not here: Guichet's change says where
        assertThatThrownBy(() -> passwordService.change(
                        directory.findById(AgentId.of(soi)).orElseThrow(),
                        "Un-nouveau-mot-de-passe-2026",
                        org.guichet.identity.PasswordChangeReason.CHANGED,
                        null,
                        java.util.Locale.FRENCH))
                .isInstanceOf(org.guichet.identity.PasswordRejectedException.class)
                .satisfies(refused -> assertThat(((org.guichet.identity.PasswordRejectedException) refused).problems())
                        .containsExactly(org.guichet.identity.PasswordProblem.IN_DIRECTORY));

        // four wrong passwords more (the empty one counted as a failure): four binds, and at the fifth failure
        // Guichet's lock; the right password is then not even asked of the directory, whose own lockout (typically
        // after more failures) is never reached from here
        for (int i = 0; i < 4; i++) {
            new org.guichet.testing.MockBrowser(mvc).signIn("a" + soi, "Pas-le-bon-" + i);
        }
        assertThat(BINDS.of(dn(soi))).isEqualTo(5);
        var browser = new org.guichet.testing.MockBrowser(mvc);
        assertThat(browser.signIn("a" + soi, "Annuaire-de-la-ville-1")
                        .getResponse()
                        .getRedirectedUrl())
                .contains("error");
        assertThat(BINDS.of(dn(soi))).as("locked by Guichet: no bind").isEqualTo(5);
        assertThat(browser.body(browser.get("/login?error"))).contains("bloqué");

        // an account the directory itself locked is said so, in words the agent can act on
        BINDS.lockedInDirectory.add(dn(lockedSoi).toLowerCase(java.util.Locale.ROOT));
        var agent = new org.guichet.testing.MockBrowser(mvc);
        assertThat(agent.signIn("a" + lockedSoi, "Annuaire-de-la-ville-1")
                        .getResponse()
                        .getRedirectedUrl())
                .contains("error");
        assertThat(agent.body(agent.get("/login?error"))).contains("verrouillé dans l’annuaire de la ville");

        // the helpdesk's diagnosis says it, and who can act: the directory's administrators, not Guichet
        var hugo = new org.guichet.testing.MockBrowser(mvc, "10.1.2.3");
        hugo.signInWithTotp("hugo.robert", jdbc, clock);
        var locked = hugo.body(hugo.getJson("/api/v1/support/agents/" + lockedSoi + "/diagnosis"));
        List<String> codes = com.jayway.jsonpath.JsonPath.read(locked, "$[*].code");
        assertThat(codes).contains("DIRECTORY_LOCKED").doesNotContain("NOTHING_BLOCKING", "DIRECTORY_PASSWORD");
        List<String> remedies = com.jayway.jsonpath.JsonPath.read(locked, "$[?(@.code == 'DIRECTORY_LOCKED')].remedy");
        assertThat(remedies).containsOnly("DIRECTORY");
        var other = hugo.body(hugo.getJson("/api/v1/support/agents/" + soi + "/diagnosis"));
        List<String> otherCodes = com.jayway.jsonpath.JsonPath.read(other, "$[*].code");
        assertThat(otherCodes).contains("DIRECTORY_PASSWORD", "LOCKED").doesNotContain("DIRECTORY_LOCKED");
    }

    @Autowired
    LdapSyncCommand command;

    @Test
    void runWhenSomeEntriesAreRefusedThenTheCommandAndTheAdministrationPageSayEachWithItsReason() throws Exception {
        var block = TestData.block();
        var department = department(block, "R");
        var good = block.soi(0);
        var bad = block.soi(1);
        addAgent(good, department, block.name(), new Attribute("mobile", "+33639983" + good.substring(4)));
        addAgent(bad, department, block.name(), new Attribute("mobile", "pas un numéro"));
        var withoutNumber = "uid=sans-matricule-" + block.name() + "," + PEOPLE;
        SERVER.add(new Entry(
                withoutNumber,
                new Attribute("objectClass", "inetOrgPerson"),
                new Attribute("uid", "sans-matricule-" + block.name()),
                new Attribute("cn", "Sans matricule"),
                new Attribute("sn", "Sans matricule")));

        try {
            refusedEntriesSaid(good, bad, withoutNumber);
        } finally {
            // the other tests expect every entry taken
            SERVER.delete(dn(bad));
            SERVER.delete(withoutNumber);
        }
    }

    private void refusedEntriesSaid(String good, String bad, String withoutNumber) throws Exception {
        // the command: a dry run, then the run; each says the refused entries and why, and exits with 3
        var printed = new java.io.ByteArrayOutputStream();
        var out = new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(command.run(
                        new org.guichet.platform.CommandLine.Arguments(
                                List.of(), java.util.Map.of("dry-run", List.of())),
                        out))
                .isEqualTo(3);
        assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("Simulation", bad + "\u202f: ", "pas de matricule (employeeNumber)", withoutNumber);
        assertThat(directory.findById(AgentId.of(good)))
                .as("a dry run writes nothing")
                .isEmpty();
        assertThat(command.run(new org.guichet.platform.CommandLine.Arguments(List.of(), java.util.Map.of()), out))
                .isEqualTo(3);
        assertThat(directory.findById(AgentId.of(good))).isPresent();
        assertThat(directory.findById(AgentId.of(bad))).isEmpty();

        var runs = sync.lastRuns(2);
        var last = runs.getFirst();
        assertThat(last.startedFrom()).isEqualTo(SyncRun.StartedFrom.COMMAND);
        assertThat(last.dryRun()).isFalse();
        assertThat(last.finishedAt()).isNotNull();
        assertThat(last.outcome()).isEqualTo(SyncRun.Outcome.REFUSED_ENTRIES);
        assertThat(last.created()).isGreaterThanOrEqualTo(1);
        assertThat(last.refusals())
                .anySatisfy(refusal -> {
                    assertThat(refusal.entry()).isEqualTo(bad);
                    assertThat(refusal.messageKey()).isEqualTo("directory.import.problem.INVALID_MOBILE");
                })
                .anySatisfy(refusal -> assertThat(refusal.entry()).isEqualTo(withoutNumber));
        assertThat(runs.get(1).dryRun()).isTrue();

        // the administration page shows it, in words
        var nora = new org.guichet.testing.MockBrowser(mvc, "10.1.2.3");
        nora.signInWithTotp("nora.lefevre", jdbc, clock);
        var page = nora.body(nora.get("/admin"));
        assertThat(page)
                .contains("Dernière synchronisation", "Terminée avec des entrées refusées", "par la commande ldap-sync")
                .contains(bad, "pas de matricule (employeeNumber)", withoutNumber)
                .contains("Simuler", "Synchroniser maintenant");

        // a dry run started from the page runs in the background, recorded with who asked
        var before = last.startedAt();
        assertThat(nora.post("/admin/directory/sync", "dryRun", "true")
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/admin#directory");
        assertThat(nora.body(nora.get("/admin"))).contains("Synchronisation lancée");
        SyncRun fromPage = null;
        for (int i = 0; i < 300 && fromPage == null; i++) {
            var newest = sync.lastRuns(1).getFirst();
            if (newest.startedFrom() == SyncRun.StartedFrom.ADMIN && newest.finishedAt() != null) {
                fromPage = newest;
            } else {
                Thread.sleep(100);
            }
        }
        assertThat(fromPage).as("the run started from the page ended").isNotNull();
        assertThat(fromPage.startedAt()).isAfterOrEqualTo(before);
        assertThat(fromPage.dryRun()).isTrue();
        var noraId = directory.findByIdentifier("nora.lefevre").orElseThrow().id();
        assertThat(fromPage.startedBy()).isEqualTo(noraId);
        assertThat(nora.body(nora.get("/admin")))
                .contains("depuis cette page par " + directory.displayName(noraId), "simulation");

        // while a run is under way (here, another node's), another is refused
        jdbc.sql("INSERT INTO ldap_sync_run (started_at, started_from, dry_run) VALUES (?, 'SCHEDULE', FALSE)")
                .param(java.sql.Timestamp.from(clock.instant()))
                .update();
        try {
            nora.post("/admin/directory/sync", "dryRun", "false");
            assertThat(nora.body(nora.get("/admin"))).contains("déjà en cours", "En cours");
        } finally {
            jdbc.sql("DELETE FROM ldap_sync_run WHERE finished_at IS NULL").update();
        }
        // a member of staff without the ADMIN role cannot start one
        var camille = new org.guichet.testing.MockBrowser(mvc, "10.1.2.3");
        camille.signIn("camille.martin", org.guichet.testing.Demo.PASSWORD);
        assertThat(camille.post("/admin/directory/sync", "dryRun", "false"))
                .hasStatus(org.springframework.http.HttpStatus.FORBIDDEN);
        // a value that is neither yes nor no is a bad request (the server's 400 page, in the administrator's
        // language), and starts nothing
        var newest = sync.lastRuns(1).getFirst().startedAt();
        assertThat(nora.post("/admin/directory/sync", "dryRun", "peut-être"))
                .hasStatus(org.springframework.http.HttpStatus.BAD_REQUEST);
        assertThat(sync.lastRuns(1).getFirst().startedAt()).isEqualTo(newest);
    }

    @Test
    void runOfChangesWhenSomeEntriesChangedThenOnlyTheyAreReadAndDeparturesWaitForAFullRun() throws Exception {
        var block = TestData.block();
        var department = department(block, "C");
        addAgent(block.soi(0), department, block.name() + "a", new Attribute("title", "Chef de service"));
        for (int i = 1; i < 10; i++) {
            addAgent(
                    block.soi(i),
                    department,
                    block.name() + (char) ('a' + i),
                    new Attribute("title", "Agent"),
                    new Attribute("manager", dn(block.soi(0))));
        }
        // change times are written to the second: the latest one, alone in its second, is where runs of changes start
        Thread.sleep(1_100);
        SERVER.modify(dn(block.soi(0)), new Modification(ModificationType.REPLACE, "title", "Cheffe de service"));
        var full = sync.run(SyncRun.StartedFrom.COMMAND, null, false, false).orElseThrow();
        assertThat(full.changesOnly()).isFalse();
        assertThat(full.entries()).isGreaterThanOrEqualTo(10);
        assertThat(directory.findById(AgentId.of(block.soi(3)))).isPresent();

        Thread.sleep(1_100);
        SERVER.modify(dn(block.soi(3)), new Modification(ModificationType.REPLACE, "title", "Cheffe d’équipe"));
        SERVER.delete(dn(block.soi(4)));
        var changes = sync.run(SyncRun.StartedFrom.COMMAND, null, false, true).orElseThrow();

        assertThat(changes.changesOnly()).isTrue();
        assertThat(changes.outcome()).isEqualTo(SyncRun.Outcome.DONE);
        // the changed entry, and the one whose change time was the last run's latest (read again: >=)
        assertThat(changes.entries()).isEqualTo(2);
        assertThat(changes.updated()).isEqualTo(1);
        var changed = directory.findById(AgentId.of(block.soi(3))).orElseThrow();
        assertThat(changed.jobTitle()).isEqualTo("Cheffe d’équipe");
        assertThat(changed.managerId())
                .as("an unchanged manager's DN, known from the runs before")
                .isEqualTo(AgentId.of(block.soi(0)));
        assertThat(directory.findById(AgentId.of(block.soi(4))).orElseThrow().status())
                .as("a run of the changes cannot see a deleted entry")
                .isEqualTo(AgentStatus.ACTIVE);
        assertThat(sync.run(SyncRun.StartedFrom.COMMAND, null, false, true)
                        .orElseThrow()
                        .updated())
                .as("nothing changed since")
                .isZero();

        var next = sync.run(SyncRun.StartedFrom.COMMAND, null, false, false).orElseThrow();
        assertThat(next.departed()).isEqualTo(1);
        assertThat(directory.findById(AgentId.of(block.soi(4))).orElseThrow().status())
                .isEqualTo(AgentStatus.DEPARTED);
    }

    @Test
    void synchroniseWhenALeaversEntryIsGoneThenTheirOpenSessionEndsWithinSeconds() throws Exception {
        var block = TestData.block();
        var department = department(block, "D");
        var soi = block.soi(0);
        addAgent(soi, department, block.name(), new Attribute("userPassword", "Annuaire-de-la-ville-1"));
        sync.synchronise(false);
        var agent = new org.guichet.testing.MockBrowser(mvc);
        assertThat(agent.signIn("a" + soi, "Annuaire-de-la-ville-1")
                        .getResponse()
                        .getRedirectedUrl())
                .doesNotContain("error");
        // signed in (a new agent is first asked to accept the IT charter)
        assertThat(String.valueOf(agent.get("/").getResponse().getRedirectedUrl()))
                .doesNotContain("/login");

        SERVER.delete(dn(soi));
        assertThat(sync.synchronise(false).departures()).contains(soi);

        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(5))
                .until(() -> String.valueOf(agent.get("/").getResponse().getRedirectedUrl())
                        .contains("/login"));
        assertThat(journal("AgentStatusChanged", soi)).contains("DEPARTED");
    }

    @Test
    void synchroniseWhenGroupsChangeThenTheRolesTheyGiveAreGrantedAndWithdrawn() throws Exception {
        var block = TestData.block();
        var department = department(block, "G");
        var soi = block.soi(0);
        // as Active Directory writes memberOf: other case than the configuration
        addAgent(
                soi,
                department,
                block.name(),
                new Attribute("memberOf", "CN=RH,OU=Groups,DC=ville,DC=example", "cn=autre,ou=groups," + BASE));
        sync.synchronise(false);
        assertThat(directory.findById(AgentId.of(soi)).orElseThrow().roles())
                .contains(org.guichet.directory.Role.HR)
                .doesNotContain(org.guichet.directory.Role.SUPPORT);

        SERVER.modify(
                dn(soi), new Modification(ModificationType.REPLACE, "memberOf", "cn=assistance,ou=groups," + BASE));
        sync.synchronise(false);
        assertThat(directory.findById(AgentId.of(soi)).orElseThrow().roles())
                .contains(org.guichet.directory.Role.SUPPORT)
                .doesNotContain(org.guichet.directory.Role.HR);
        assertThat(journal("AgentChanged", soi)).contains("\"source\":\"LDAP\"", "roles");
    }

    /** A department of the block's, imported; its code. */
    private String department(TestData.Block block, String prefix) {
        var department = block.department(prefix);
        directory.importDepartments(
                new java.io.ByteArrayInputStream(("code;name\n" + department + ";Service " + block.name() + "\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return department;
    }

    /** An agent's entry in the directory, with these attributes beside the usual ones. */
    private static void addAgent(String soi, String department, String lastName, Attribute... more) throws Exception {
        var attributes = new ArrayList<Attribute>(List.of(
                new Attribute("objectClass", "inetOrgPerson"),
                new Attribute("uid", "a" + soi),
                new Attribute("cn", "Agent " + soi),
                new Attribute("givenName", "Agent"),
                new Attribute("sn", lastName),
                new Attribute("employeeNumber", soi),
                new Attribute("departmentNumber", department)));
        attributes.addAll(List.of(more));
        SERVER.add(new Entry(dn(soi), attributes));
    }

    private String journal(String type, String soi) {
        return org.guichet.testing.TestJournal.awaitDetails(jdbc, type, soi);
    }
}
