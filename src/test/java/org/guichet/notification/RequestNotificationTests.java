package org.guichet.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.guichet.approval.ApprovalManagement;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.notification.inbox.Inbox;
import org.guichet.request.RequestManagement;
import org.guichet.request.RequestReview;
import org.guichet.testing.TestClockConfiguration;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A training request from filing to completion, told at each step through a real SMTP server (GreenMail) and in the
 * portal: the manager is asked, the agent learns each approval, HR learns the request reached their queue, the agent
 * learns it is complete; a manager who chose the digest gets one morning e-mail instead.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class RequestNotificationTests {

    @RegisterExtension
    static GreenMailExtension smtp =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @Autowired
    DirectoryManagement directory;

    @Autowired
    RequestManagement requests;

    @Autowired
    RequestReview review;

    @Autowired
    ApprovalManagement approvals;

    @Autowired
    Inbox inbox;

    @Autowired
    ApprovalDigest digest;

    AgentId agent;
    AgentId manager;
    AgentId hr;

    @BeforeEach
    void anAgentHerManagerAndHr() {
        var block = TestData.block();
        var department = block.department("");
        directory.importDepartments(csv("code;name\n%s;Service d’essai\n".formatted(department)));
        directory.importAgents(csv("""
                soi;first_name;last_name;department;manager_soi;roles
                %2$s;Marc;%1$s;%4$s;;
                %3$s;Anne;%1$s;%4$s;%2$s;
                %5$s;Rose;%1$s;%4$s;;HR
                """.formatted(block.name(), block.soi(1), block.soi(2), department, block.soi(3))));
        manager = AgentId.of(block.soi(1));
        agent = AgentId.of(block.soi(2));
        hr = AgentId.of(block.soi(3));
    }

    @Test
    void trainingRequestWhenItGoesManagerThenHrThenEveryStepIsToldByMailAndInThePortal() throws Exception {
        var request = requests.submit(
                agent,
                "TRAINING",
                Map.of("title", "Premiers secours", "organisation", "CNFPT", "start", "2027-04-05", "days", "2"));
        awaitMail(manager, "Une demande attend votre décision");

        var item = approvals.waitingFor(manager).getFirst();
        approvals.approve(item.id(), manager, "D’accord");
        awaitMail(agent, "Votre demande avance");
        awaitMail(hr, "Une demande attend les ressources humaines");

        review.decideAsHr(hr, request.id(), true, "Inscrite");
        awaitMail(agent, "Votre demande est terminée");
        assertThat(subjects(agent))
                .filteredOn(subject -> subject.startsWith("Votre demande avance"))
                .hasSize(2);

        assertThat(inbox.latest(agent, 10))
                .extracting(Inbox.Notification::titleFr)
                .containsExactlyInAnyOrder(
                        "Votre demande est terminée", "Votre demande avance", "Votre demande avance");
        assertThat(inbox.latest(hr, 10)).extracting(Inbox.Notification::link).containsExactly("/hr/requests");
    }

    @Test
    void approvalRequestWhenTheManagerChoseTheDigestThenOneMorningMailInstead() throws Exception {
        inbox.chooseEmail(manager, Category.DIGEST, true);
        requests.submit(agent, "TELEWORK", Map.of("days", "2", "start", "2027-01-04"));
        requests.submit(agent, "TELEWORK", Map.of("days", "1", "start", "2027-02-01"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> inbox.latest(manager, 10).size() == 2);
        assertThat(subjects(manager)).isEmpty();

        digest.sendDigests();
        digest.sendDigests();
        awaitMail(manager, "Vos validations du jour");
        assertThat(subjects(manager))
                .as("one digest a day, however often the job runs")
                .hasSize(1);
        assertThat(bodies(manager).getFirst()).contains("2 demande(s) attendent votre décision", "Anne");
    }

    private void awaitMail(AgentId to, String subject) {
        await().atMost(Duration.ofSeconds(15)).until(() -> subjects(to).stream().anyMatch(s -> s.startsWith(subject)));
    }

    private List<String> subjects(AgentId to) throws MessagingException {
        var subjects = new ArrayList<String>();
        for (var message : smtp.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address(to))) {
                subjects.add(message.getSubject());
            }
        }
        return subjects;
    }

    private List<String> bodies(AgentId to) throws Exception {
        var bodies = new ArrayList<String>();
        for (var message : smtp.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address(to))) {
                bodies.add(String.valueOf(message.getContent()));
            }
        }
        return bodies;
    }

    private String address(AgentId id) {
        return directory.findById(id).orElseThrow().email();
    }

    private static ByteArrayInputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
