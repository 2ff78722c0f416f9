package org.guichet.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.ActiveProfiles;

@ApplicationModuleTest
@ActiveProfiles("test")
class DirectoryImportTests {

    @Autowired
    DirectoryManagement directory;

    TestData.Block block;
    String top;
    String sub;

    @BeforeEach
    void departments() {
        block = TestData.block();
        top = block.department("");
        sub = block.department("-A");
        var report = directory.importDepartments(
                csv("code;name;parent\n%s;Sous-service;%s\n%s;Service;\n".formatted(sub, top, top)));
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.rejected()).isEmpty();
    }

    private static ByteArrayInputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private AgentProfile agent(int offset) {
        return directory.findById(AgentId.of(block.soi(offset))).orElseThrow();
    }

    private boolean exists(int offset) {
        return directory.findById(AgentId.of(block.soi(offset))).isPresent();
    }

    @Test
    void importAgentsWhenNewThenLoginEmailRolesAndMobileDerived() {
        var name = block.name();
        var report = directory.importAgents(csv("""
                soi;first_name;last_name;department;manager_soi;roles;mobile;sensitive
                %s;Anne;%s;%s;;HR|support;06 39 98 11 22;oui
                %s;Marc;%s;%s;%s;;;
                %s;Marc;%s;%s;%s;;;
                """.formatted(
                        block.soi(1),
                        name,
                        top,
                        block.soi(2),
                        name,
                        sub,
                        block.soi(1),
                        block.soi(3),
                        name,
                        sub,
                        block.soi(1))));

        assertThat(report.created()).isEqualTo(3);
        assertThat(report.rejected()).isEmpty();
        var lower = name.toLowerCase();
        var anne = agent(1);
        assertThat(anne.login()).isEqualTo("anne." + lower);
        assertThat(anne.email()).isEqualTo("anne." + lower + "@ville.example");
        assertThat(anne.roles()).containsExactlyInAnyOrder(Role.AGENT, Role.MANAGER, Role.HR, Role.SUPPORT);
        assertThat(anne.mobile()).isEqualTo("+33639981122");
        assertThat(anne.sensitive()).isTrue();
        assertThat(anne.status()).isEqualTo(AgentStatus.ACTIVE);
        assertThat(agent(2).login()).isEqualTo("marc." + lower);
        assertThat(agent(3).login()).isEqualTo("marc." + lower + "2");
        assertThat(agent(3).roles()).containsExactly(Role.AGENT);
        assertThat(agent(3).managerId()).isEqualTo(anne.id());
        assertThat(agent(3).departmentName()).isEqualTo("Sous-service");
    }

    @Test
    void importAgentsWhenSameFileAgainThenNothingChanges() {
        var file = """
                soi,first_name,last_name,department,manager_soi,job_title
                %s,Anne,%s,%s,,Cheffe
                %s,Marc,%s,%s,%s,Agent
                """.formatted(block.soi(1), block.name(), top, block.soi(2), block.name(), top, block.soi(1));
        directory.importAgents(csv(file));

        var again = directory.importAgents(csv(file));

        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(again.rejected()).isEmpty();
    }

    @Test
    void importAgentsWhenManagerFurtherDownTheFileThenBothWritten() {
        var report = directory.importAgents(csv("soi;first_name;last_name;department;manager_soi\n"
                + "%s;Marc;%s;%s;%s\n".formatted(block.soi(2), block.name(), sub, block.soi(1))
                + "%s;Anne;%s;%s;\n".formatted(block.soi(1), block.name(), top)));

        assertThat(report.rejected()).isEmpty();
        assertThat(agent(2).managerId()).isEqualTo(AgentId.of(block.soi(1)));
    }

    @Test
    void importAgentsWhenBadRowsThenEachReportedWithItsLineAndNoneWritten() {
        var n = block.name();
        var report = directory.importAgents(csv("""
                soi;first_name;last_name;department;manager_soi;roles;mobile;status;sensitive
                12345;Bad;%1$s;%2$s;;;;;
                %3$s;Bad;%1$s;NOWHERE;;;;;
                %4$s;Bad;%1$s;%2$s;;PILOT;;;
                %5$s;Bad;%1$s;%2$s;9999999;;;;
                %6$s;Good;%1$s;%2$s;;;;;
                %6$s;Twice;%1$s;%2$s;;;;;
                %7$s;Bad;%1$s;%2$s;%4$s;;;;
                %8$s;Bad;%1$s;%2$s;;;01 23 45 67 89;;
                %9$s;Bad;%1$s;%2$s;;;;RETIRED;
                %10$s;Bad;%1$s;%2$s;;;;;maybe
                %11$s;;%1$s;%2$s;;;;;
                %12$s;Bad;%1$s
                """.formatted(
                        n,
                        top,
                        block.soi(3),
                        block.soi(4),
                        block.soi(5),
                        block.soi(6),
                        block.soi(7),
                        block.soi(8),
                        block.soi(9),
                        block.soi(10),
                        block.soi(11),
                        block.soi(12))));

        assertThat(report.rows()).isEqualTo(12);
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.rejected())
                .extracting(ImportReport.Rejection::line, ImportReport.Rejection::problem)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, ImportProblem.INVALID_SOI),
                        org.assertj.core.groups.Tuple.tuple(3L, ImportProblem.UNKNOWN_DEPARTMENT),
                        org.assertj.core.groups.Tuple.tuple(4L, ImportProblem.INVALID_ROLE),
                        org.assertj.core.groups.Tuple.tuple(5L, ImportProblem.UNKNOWN_MANAGER),
                        org.assertj.core.groups.Tuple.tuple(7L, ImportProblem.DUPLICATE_IN_FILE),
                        org.assertj.core.groups.Tuple.tuple(8L, ImportProblem.MANAGER_REJECTED),
                        org.assertj.core.groups.Tuple.tuple(9L, ImportProblem.INVALID_MOBILE),
                        org.assertj.core.groups.Tuple.tuple(10L, ImportProblem.INVALID_STATUS),
                        org.assertj.core.groups.Tuple.tuple(11L, ImportProblem.INVALID_BOOLEAN),
                        org.assertj.core.groups.Tuple.tuple(12L, ImportProblem.MISSING_VALUE),
                        org.assertj.core.groups.Tuple.tuple(13L, ImportProblem.WRONG_COLUMN_COUNT));
        assertThat(report.rejected().get(5).arguments()).containsExactly(block.soi(4), "4");
        assertThat(report.rejected().get(4).arguments()).containsExactly("6");
        assertThat(agent(6).firstName()).isEqualTo("Good");
        for (var refused : new int[] {3, 4, 5, 7, 8, 9, 10, 11, 12}) {
            assertThat(exists(refused))
                    .as("SOI offset %d must not be written", refused)
                    .isFalse();
        }
    }

    @Test
    void importAgentsWhenGradeAndHireDateThenStoredInEitherDateFormat() {
        var report = directory.importAgents(csv("soi;first_name;last_name;department;grade;hired_on\n"
                + "%s;Anne;%s;%s;Attaché territorial;2019-09-02\n".formatted(block.soi(1), block.name(), top)
                + "%s;Marc;%s;%s;Rédacteur;02/09/2019\n".formatted(block.soi(2), block.name(), top)
                + "%s;Paul;%s;%s;Rédacteur;2019-02-30\n".formatted(block.soi(3), block.name(), top)));

        assertThat(report.rejected())
                .extracting(ImportReport.Rejection::line, ImportReport.Rejection::problem)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, ImportProblem.INVALID_DATE));
        assertThat(agent(1).grade()).isEqualTo("Attaché territorial");
        assertThat(agent(1).hiredOn()).isEqualTo(java.time.LocalDate.of(2019, 9, 2));
        assertThat(agent(2).hiredOn()).isEqualTo(java.time.LocalDate.of(2019, 9, 2));
        assertThat(exists(3)).isFalse();
    }

    @Test
    void importAgentsWhenManagementLoopThenRowsOnTheLoopRefused() {
        var report = directory.importAgents(csv("soi;first_name;last_name;department;manager_soi\n"
                + "%s;Anne;%s;%s;%s\n".formatted(block.soi(1), block.name(), top, block.soi(2))
                + "%s;Marc;%s;%s;%s\n".formatted(block.soi(2), block.name(), top, block.soi(1))
                + "%s;Paul;%s;%s;%s\n".formatted(block.soi(3), block.name(), top, block.soi(3))));

        assertThat(report.rejected())
                .extracting(ImportReport.Rejection::problem)
                .containsExactly(
                        ImportProblem.MANAGEMENT_CYCLE, ImportProblem.MANAGEMENT_CYCLE, ImportProblem.SELF_MANAGED);
        assertThat(exists(1)).isFalse();
        assertThat(exists(2)).isFalse();
    }

    @Test
    void importAgentsWhenLoopGoesThroughStoredAgentThenRefused() {
        directory.importAgents(csv("soi;first_name;last_name;department;manager_soi\n"
                + "%s;Anne;%s;%s;\n".formatted(block.soi(1), block.name(), top)
                + "%s;Marc;%s;%s;%s\n".formatted(block.soi(2), block.name(), top, block.soi(1))));

        var report = directory.importAgents(csv("soi;first_name;last_name;department;manager_soi\n"
                + "%s;Anne;%s;%s;%s\n".formatted(block.soi(1), block.name(), top, block.soi(2))));

        assertThat(report.rejected())
                .extracting(ImportReport.Rejection::problem)
                .containsExactly(ImportProblem.MANAGEMENT_CYCLE);
        assertThat(agent(1).managerId()).isNull();
    }

    @Test
    void importAgentsWhenColumnAbsentThenStoredValueKeptAndLoginStable() {
        directory.importAgents(csv("soi;first_name;last_name;department;job_title;roles;mobile\n"
                + "%s;Anne;%s;%s;Cheffe;ADMIN;0639981234\n".formatted(block.soi(1), block.name(), top)));
        var login = agent(1).login();

        var report = directory.importAgents(csv("soi;first_name;last_name;department\n"
                + "%s;Anne;%s-Durand;%s\n".formatted(block.soi(1), block.name(), sub)));

        assertThat(report.updated()).isEqualTo(1);
        var anne = agent(1);
        assertThat(anne.lastName()).isEqualTo(block.name() + "-Durand");
        assertThat(anne.login()).isEqualTo(login);
        assertThat(anne.jobTitle()).isEqualTo("Cheffe");
        assertThat(anne.roles()).contains(Role.ADMIN);
        assertThat(anne.mobile()).isEqualTo("+33639981234");
        assertThat(anne.departmentCode()).isEqualTo(sub);
    }

    @Test
    void importAgentsWhenRolesColumnEmptyThenGrantsRemoved() {
        directory.importAgents(csv("soi;first_name;last_name;department;roles\n"
                + "%s;Anne;%s;%s;SECURITY ADMIN\n".formatted(block.soi(1), block.name(), top)));
        assertThat(agent(1).roles()).contains(Role.SECURITY, Role.ADMIN);

        directory.importAgents(csv("soi;first_name;last_name;department;roles\n"
                + "%s;Anne;%s;%s;\n".formatted(block.soi(1), block.name(), top)));

        assertThat(agent(1).roles()).containsExactly(Role.AGENT);
    }

    @Test
    void importAgentsWhenExplicitLoginOrEmailTakenThenRefused() {
        directory.importAgents(csv("soi;first_name;last_name;department\n"
                + "%s;Anne;%s;%s\n".formatted(block.soi(1), block.name(), top)));
        var anne = agent(1);

        var report = directory.importAgents(csv("soi;first_name;last_name;department;login;email\n"
                + "%s;Marc;%s;%s;%s;\n".formatted(block.soi(2), block.name(), top, anne.login())
                + "%s;Paul;%s;%s;;%s\n"
                        .formatted(block.soi(3), block.name(), top, anne.email().toUpperCase())
                + "%s;Paul;%s;%s;Not A Login;\n".formatted(block.soi(4), block.name(), top)));

        assertThat(report.rejected())
                .extracting(ImportReport.Rejection::problem)
                .containsExactly(ImportProblem.LOGIN_TAKEN, ImportProblem.EMAIL_TAKEN, ImportProblem.INVALID_LOGIN);
    }

    /**
     * A few rows read only the stored agents they need (a provisioning call), many rows load them all (an import):
     * logins and addresses are decided the same either way, a login an agent gives up in the file free for a row
     * further down.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 60})
    void importAgentsWhenFewRowsOrManyThenLoginsAndAddressesDecidedAlike(int others) {
        directory.importAgents(csv("soi;first_name;last_name;department\n"
                + "%s;Anne;%s;%s\n".formatted(block.soi(1), block.name(), top)));
        var anne = agent(1);
        var domain = anne.email().substring(anne.email().indexOf('@') + 1);
        var renamed = "anne.nouveau-" + block.number();
        var file = new StringBuilder("soi;first_name;last_name;department;login;email\n")
                // Anne takes another login and address: hers are free for the homonym further down
                .append("%s;Anne;%s;%s;%s;%s@%s\n".formatted(block.soi(1), block.name(), top, renamed, renamed, domain))
                .append("%s;Marc;%s;%s;%s;\n".formatted(block.soi(2), block.name(), top, renamed))
                .append("%s;Paul;%s;%s;;%s@%s\n".formatted(block.soi(3), block.name(), top, renamed, domain))
                .append("%s;Anne;%s;%s;;\n".formatted(block.soi(4), block.name(), top))
                .append("%s;Anne;%s;%s;;\n".formatted(block.soi(5), block.name(), top));
        for (int i = 0; i < others; i++) {
            file.append("%s;Autre;%s%s;%s;;\n"
                    .formatted(
                            block.soi(10 + i), block.name(), (char) ('a' + i % 26) + "" + (char) ('a' + i / 26), top));
        }

        var report = directory.importAgents(csv(file.toString()));

        assertThat(report.rejected())
                .extracting(ImportReport.Rejection::key, ImportReport.Rejection::problem)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(block.soi(2), ImportProblem.LOGIN_TAKEN),
                        org.assertj.core.groups.Tuple.tuple(block.soi(3), ImportProblem.EMAIL_TAKEN));
        assertThat(agent(1).login()).isEqualTo(renamed);
        assertThat(agent(4).login()).isEqualTo(anne.login());
        assertThat(agent(4).email()).isEqualTo(anne.email());
        assertThat(agent(5).login()).isEqualTo(anne.login() + "2");
        assertThat(agent(5).email()).isEqualTo(anne.login() + "2@" + domain);
    }

    @Test
    void importAgentsWhenTransferredOrSuspendedThenEventsPublished(AssertablePublishedEvents events) {
        directory.importAgents(csv("soi;first_name;last_name;department;manager_soi;status\n"
                + "%s;Anne;%s;%s;;\n".formatted(block.soi(1), block.name(), top)
                + "%s;Marc;%s;%s;;\n".formatted(block.soi(2), block.name(), top)));
        assertThat(events).contains(AgentCreated.class).matching(AgentCreated::agent, AgentId.of(block.soi(2)));

        directory.importAgents(csv("soi;first_name;last_name;department;manager_soi;status\n"
                + "%s;Marc;%s;%s;%s;suspended\n".formatted(block.soi(2), block.name(), sub, block.soi(1))));

        assertThat(events)
                .contains(AgentTransferred.class)
                .matching(event -> event.agent().equals(AgentId.of(block.soi(2)))
                        && event.fromDepartment().equals(top)
                        && event.toDepartment().equals(sub)
                        && event.fromManager() == null
                        && AgentId.of(block.soi(1)).equals(event.toManager()));
        assertThat(events)
                .contains(AgentStatusChanged.class)
                .matching(event -> event.agent().equals(AgentId.of(block.soi(2)))
                        && event.from() == AgentStatus.ACTIVE
                        && event.to() == AgentStatus.SUSPENDED);
    }

    @Test
    void importAgentsWhenStatusCellEmptyThenStatusKept() {
        directory.importAgents(csv("soi;first_name;last_name;department;status\n"
                + "%s;Anne;%s;%s;SUSPENDED\n".formatted(block.soi(1), block.name(), top)));

        directory.importAgents(csv("soi;first_name;last_name;department;status\n"
                + "%s;Anne;%s;%s;\n".formatted(block.soi(1), block.name(), top)));

        assertThat(agent(1).status()).isEqualTo(AgentStatus.SUSPENDED);
        assertThat(agent(1).isActive()).isFalse();
    }

    @Test
    void importDepartmentsWhenParentFurtherDownThenWrittenAndLoopsRefused() {
        var a = block.department("-X");
        var b = block.department("-Y");
        var c = block.department("-Z");
        var report = directory.importDepartments(csv("""
                code;name;parent
                %1$s-child;Enfant;%1$s
                %1$s;Parent;%2$s
                %3$s;Boucle 1;%4$s
                %4$s;Boucle 2;%3$s
                %5$s;Orphelin;NOWHERE
                %5$s-below;Sous l’orphelin;%5$s
                """.formatted(a, top, b, c, block.department("-O"))));

        assertThat(report.created()).isEqualTo(2);
        assertThat(report.rejected())
                .extracting(ImportReport.Rejection::line, ImportReport.Rejection::problem)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(4L, ImportProblem.DEPARTMENT_CYCLE),
                        org.assertj.core.groups.Tuple.tuple(5L, ImportProblem.DEPARTMENT_CYCLE),
                        org.assertj.core.groups.Tuple.tuple(6L, ImportProblem.UNKNOWN_PARENT),
                        org.assertj.core.groups.Tuple.tuple(7L, ImportProblem.PARENT_REJECTED));

        var again = directory.importDepartments(csv("code;name;parent\n%s-child;Enfant;%s\n".formatted(a, a)));
        assertThat(again.unchanged()).isEqualTo(1);
    }

    @Test
    void findByIdentifierWhenSoiLoginOrEmailInAnyCaseThenFound() {
        directory.importAgents(csv("soi;first_name;last_name;department\n"
                + "%s;Anne;%s;%s\n".formatted(block.soi(1), block.name(), top)));
        var anne = agent(1);

        assertThat(directory.findByIdentifier(block.soi(1))).contains(anne);
        assertThat(directory.findByIdentifier("  " + anne.login().toUpperCase() + " "))
                .contains(anne);
        assertThat(directory.findByIdentifier(anne.email().toUpperCase())).contains(anne);
        assertThat(directory.findByIdentifier("nobody.here")).isEmpty();
        assertThat(directory.findByIdentifier("")).isEmpty();
        assertThat(directory.findByIdentifier("9" + block.soi(1))).isEmpty();
    }
}
