package org.guichet.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.guichet.testing.Agents;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.MockBrowser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Administrative requests: a certificate produced at once and verifiable by anyone; a training request through the
 * manager then HR; a rejection that ends the request with its reason; who may read a request; bad input.
 */
@IntegrationTest
class RequestTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    Agents agents;

    @Autowired
    org.guichet.payslip.PayslipManagement payslips;

    /** Camille's manager Lucas, Inès in HR, and Théo, who has nothing to do with Camille's requests. */
    Agents.TestAgent manager;

    Agents.TestAgent agent;
    Agents.TestAgent hr;
    Agents.TestAgent other;

    @BeforeEach
    void peopleOfItsOwn() {
        manager = agents.create().named("Lucas").build();
        agent = agents.create()
                .named("Camille")
                .withManager(manager)
                .grade("Technicien principal de 2e classe", java.time.LocalDate.of(2016, 4, 11))
                .build();
        hr = agents.create().named("Inès").withRoles("HR").withTotp().build();
        other = agents.create().named("Théo").build();
    }

    @Test
    void employmentCertificateWhenAskedThenIssuedAtOnceAndVerifiable() throws IOException {
        var camille = signedIn(agent.login());
        var created = camille.postJson("/api/v1/requests", "{\"type\": \"EMPLOYMENT_CERTIFICATE\"}");
        assertThat(created).hasStatus(HttpStatus.CREATED);
        var json = camille.body(created);
        assertThat(JsonPath.<String>read(json, "$.state")).isEqualTo("COMPLETED");
        assertThat(JsonPath.<List<String>>read(json, "$.timeline[*].event")).containsExactly("SUBMITTED", "COMPLETED");
        String reference = JsonPath.read(json, "$.documents[0].reference");
        String href = JsonPath.read(json, "$.documents[0].href");
        assertThat(reference).matches("ATT-[0-9A-Z]{10}");

        var pdf = camille.getJson(href);
        assertThat(pdf).hasStatusOk().hasContentType("application/pdf");
        assertThat(text(pdf.getResponse().getContentAsByteArray()))
                .contains("ATTESTATION EMPLOYEUR", agent.fullName(), "11/04/2016", "Technicien principal de 2e classe")
                .contains(reference, "/verify/" + reference);

        // signed in the employer's name: the signature covers the whole file, and fails once a byte changes
        var bytes = pdf.getResponse().getContentAsByteArray();
        assertThat(signatureValid(bytes)).isTrue();
        var tampered = bytes.clone();
        var at = new String(tampered, StandardCharsets.ISO_8859_1).indexOf("/Author");
        tampered[at + 10] = (byte) (tampered[at + 10] ^ 1);
        assertThat(signatureValid(tampered)).isFalse();

        // anyone, signed in or not, checks it; a made-up reference is unknown
        var anyone = new MockBrowser(mvc, "203.0.113.50");
        var verified = anyone.get("/verify/" + reference);
        assertThat(verified).hasStatusOk();
        assertThat(anyone.body(verified))
                .contains("est authentique", agent.fullName() + " (matricule " + agent.soi() + ")");
        assertThat(anyone.get("/verify/ATT-0000000000")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(anyone.body(anyone.get("/verify/ATT-0000000000"))).doesNotContain("Camille");

        // nobody else reads the request or its document
        var theo = signedIn(other.login());
        assertThat(theo.getJson(href)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(theo.getJson("/api/v1/requests/" + JsonPath.read(json, "$.id")))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void trainingRequestWhenManagerThenHrApproveThenCompletedWithItsTimeline() {
        var camille = signedIn(agent.login());
        var created = camille.postJson("/api/v1/requests", """
                {"type": "TRAINING", "fields": {"title": "Sécurité des chantiers", "organisation": "CNFPT",
                 "start": "2027-03-08", "days": "2"}}""");
        assertThat(created).hasStatus(HttpStatus.CREATED);
        String id = JsonPath.read(camille.body(created), "$.id");
        assertThat(JsonPath.<String>read(camille.body(created), "$.currentStep"))
                .isEqualTo("MANAGER");

        // HR does not see it yet; Lucas, the manager, approves it through the approvals
        var ines = new MockBrowser(mvc);
        ines.signInWithTotp(hr.login(), jdbc, clock);
        assertThat(ids(ines.getJson("/api/v1/hr/requests"))).doesNotContain(id);
        var lucas = signedIn(manager.login());
        assertThat(lucas.getJson("/api/v1/requests/" + id))
                .as("the manager reads it")
                .hasStatusOk();
        String approval = JsonPath.<List<String>>read(
                        lucas.body(lucas.getJson("/api/v1/approvals")),
                        "$[?(@.kind == 'request' && @.subject == '" + id + "')].id")
                .getFirst();
        assertThat(lucas.postJson("/api/v1/approvals/" + approval + "/approve", "{\"comment\": \"Utile\"}"))
                .hasStatusOk();

        // now HR's
        var step2 = camille.body(camille.getJson("/api/v1/requests/" + id));
        assertThat(JsonPath.<String>read(step2, "$.currentStep")).isEqualTo("HR");
        assertThat(JsonPath.<Integer>read(step2, "$.step")).isEqualTo(2);
        assertThat(ids(ines.getJson("/api/v1/hr/requests"))).contains(id);
        assertThat(ines.body(ines.get("/hr/requests"))).contains("id=\"request-" + id + "\"", agent.fullName());
        assertThat(ines.post("/hr/requests/" + id + "/reject", "comment", "")).hasRedirectedUrl("/hr/requests");
        assertThat(ids(ines.getJson("/api/v1/hr/requests")))
                .as("a rejection without reason changes nothing")
                .contains(id);
        assertThat(ines.postJson("/api/v1/hr/requests/" + id + "/approve", "{\"comment\": \"Inscrite\"}"))
                .hasStatusOk();

        var done = camille.body(camille.getJson("/api/v1/requests/" + id));
        assertThat(JsonPath.<String>read(done, "$.state")).isEqualTo("COMPLETED");
        assertThat(JsonPath.<List<String>>read(done, "$.timeline[*].event"))
                .containsExactly("SUBMITTED", "APPROVED", "APPROVED", "COMPLETED");
        assertThat(JsonPath.<List<String>>read(done, "$.timeline[*].actor"))
                .contains(agent.fullName(), manager.fullName(), hr.fullName());
        assertThat(ids(ines.getJson("/api/v1/hr/requests"))).doesNotContain(id);
        assertThat(ines.postJson("/api/v1/hr/requests/" + id + "/approve", null))
                .hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void requestWhenRejectedThenEndsWithTheCommentTheAgentReads() {
        var camille = signedIn(agent.login());
        var created = camille.postJson(
                "/api/v1/requests",
                "{\"type\": \"TELEWORK\", \"fields\": {\"days\": \"2\", \"start\": \"2027-01-04\"}}");
        String id = JsonPath.read(camille.body(created), "$.id");
        var lucas = signedIn(manager.login());
        String approval = JsonPath.<List<String>>read(
                        lucas.body(lucas.getJson("/api/v1/approvals")),
                        "$[?(@.kind == 'request' && @.subject == '" + id + "')].id")
                .getFirst();
        assertThat(lucas.postJson(
                        "/api/v1/approvals/" + approval + "/reject", "{\"comment\": \"Pas pendant le chantier\"}"))
                .hasStatusOk();

        var rejected = camille.body(camille.getJson("/api/v1/requests/" + id));
        assertThat(JsonPath.<String>read(rejected, "$.state")).isEqualTo("REJECTED");
        assertThat(JsonPath.<List<String>>read(rejected, "$.timeline[?(@.event == 'REJECTED')].comment"))
                .containsExactly("Pas pendant le chantier");
        assertThat(camille.postJson("/api/v1/requests/" + id + "/cancel", null)).hasStatus(HttpStatus.CONFLICT);

        // HR is not on a telework route: it does not read it
        var ines = new MockBrowser(mvc);
        ines.signInWithTotp(hr.login(), jdbc, clock);
        assertThat(ines.getJson("/api/v1/requests/" + id)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void requestWhenFieldsWrongThenRefusedAndNothingFiled() {
        var camille = signedIn(agent.login());
        var before = camille.body(camille.getJson("/api/v1/requests"));
        refused(camille.postJson("/api/v1/requests", "{\"type\": \"HOLIDAY_HOME\"}"), "UNKNOWN_TYPE");
        refused(
                camille.postJson(
                        "/api/v1/requests",
                        "{\"type\": \"TELEWORK\", \"fields\": {\"days\": \"5\", " + "\"start\": \"2027-01-04\"}}"),
                "FIELD_INVALID");
        refused(
                camille.postJson("/api/v1/requests", "{\"type\": \"TELEWORK\", \"fields\": {\"days\": \"2\"}}"),
                "FIELD_INVALID");
        refused(
                camille.postJson(
                        "/api/v1/requests",
                        "{\"type\": \"TRAINING\", \"fields\": {\"title\": \"x\", "
                                + "\"organisation\": \"y\", \"start\": \"8 mars\", \"days\": \"2\"}}"),
                "FIELD_INVALID");
        refused(
                camille.postJson(
                        "/api/v1/requests",
                        "{\"type\": \"TELEWORK\", \"fields\": {\"days\": \"2\", "
                                + "\"start\": \"2027-01-04\", \"salary\": \"more\"}}"),
                "FIELD_INVALID");
        assertThat(camille.body(camille.getJson("/api/v1/requests"))).isEqualTo(before);
    }

    @Test
    void pagesWhenFilingThenFormFromTheTypeErrorsNextToTheFieldAndTheTimeline() {
        var camille = signedIn(agent.login());
        assertThat(camille.body(camille.get("/requests"))).contains("Attestation employeur", "Demande de formation");
        assertThat(camille.body(camille.get("/requests/new?type=TRAINING")))
                .contains("id=\"field-title\"", "type=\"date\"", "Organisme");

        var missing = camille.post(
                "/requests",
                "type",
                "TRAINING",
                "field.title",
                "Sécurité",
                "field.organisation",
                "CNFPT",
                "field.start",
                "2027-03-08");
        assertThat(missing).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(camille.body(missing)).contains("id=\"field-days-error\"", "value=\"Sécurité\"");

        var filed = camille.post(
                "/requests",
                "type",
                "TRAINING",
                "field.title",
                "Sécurité",
                "field.organisation",
                "CNFPT",
                "field.start",
                "2027-03-08",
                "field.days",
                "1,5");
        var location = filed.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/requests/");
        var page = camille.body(camille.get(location));
        assertThat(page).contains("étape 1 sur 2", "data-event=\"SUBMITTED\"", "1.5");
        assertThat(camille.post(location + "/cancel")).hasRedirectedUrl(location);
        assertThat(camille.body(camille.get(location)))
                .contains("data-state=\"CANCELLED\"", "data-event=\"CANCELLED\"");
        assertThat(camille.get("/requests/new?type=NOPE")).hasStatus(HttpStatus.BAD_REQUEST);
        // no type: the list of types to choose from, not an error
        assertThat(camille.get("/requests/new")).hasRedirectedUrl("/requests");
    }

    @Test
    void attachmentWhenNotReallyAPdfThenRefusedAndOnlyTheRouteReadsTheRealOne() throws IOException {
        var camille = signedIn(agent.login());
        var executable = "MZ\u0090\u0000 this program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1);
        var refused = camille.upload("/api/v1/requests/attachments", "file", "justificatif.pdf", executable, true);
        assertThat(refused).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(refused).bodyJson().extractingPath("$.errorCode").isEqualTo("ATTACHMENT_TYPE");
        var fakePng = new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};
        assertThat(camille.upload("/api/v1/requests/attachments", "file", "photo.png", fakePng, true))
                .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);

        var uploaded = camille.upload("/api/v1/requests/attachments", "file", "../../justificatif.pdf", pdf(), true);
        assertThat(uploaded).hasStatus(HttpStatus.CREATED);
        assertThat(uploaded).bodyJson().extractingPath("$.contentType").isEqualTo("application/pdf");
        assertThat(uploaded).bodyJson().extractingPath("$.fileName").isEqualTo("justificatif.pdf");
        String attachment = JsonPath.read(camille.body(uploaded), "$.id");

        // another agent cannot use Camille's upload
        var theo = signedIn(other.login());
        assertThat(theo.postJson("/api/v1/requests", situation(attachment))).hasStatus(HttpStatus.BAD_REQUEST);

        var created = camille.postJson("/api/v1/requests", situation(attachment));
        assertThat(created).hasStatus(HttpStatus.CREATED);
        String href = JsonPath.read(camille.body(created), "$.attachments[0].href");
        assertThat(camille.getJson(href)).hasStatusOk().hasContentType("application/pdf");
        // used once only
        assertThat(camille.postJson("/api/v1/requests", situation(attachment))).hasStatus(HttpStatus.BAD_REQUEST);

        var ines = new MockBrowser(mvc);
        ines.signInWithTotp(hr.login(), jdbc, clock);
        assertThat(ines.getJson(href)).as("HR is on the route").hasStatusOk();
        assertThat(theo.getJson(href)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(signedIn(manager.login()).getJson(href))
                .as("the manager is not on this route")
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void informationWhenAskedThenTheAgentAnswersAndTheRequestGoesBack() throws IOException {
        var camille = signedIn(agent.login());
        String attachment = JsonPath.read(
                camille.body(camille.upload("/api/v1/requests/attachments", "file", "bail.pdf", pdf(), true)), "$.id");
        String id = JsonPath.read(camille.body(camille.postJson("/api/v1/requests", situation(attachment))), "$.id");

        var theo = signedIn(other.login());
        assertThat(theo.postJson("/api/v1/requests/" + id + "/ask-information", "{\"comment\": \"?\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        var ines = new MockBrowser(mvc);
        ines.signInWithTotp(hr.login(), jdbc, clock);
        assertThat(ines.postJson("/api/v1/requests/" + id + "/ask-information", "{\"comment\": \"\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(ines.postJson(
                        "/api/v1/requests/" + id + "/ask-information", "{\"comment\": \"Le bail n’est pas signé\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.state")
                .isEqualTo("INFO_REQUESTED");
        assertThat(ines.postJson("/api/v1/hr/requests/" + id + "/approve", null))
                .hasStatus(HttpStatus.CONFLICT);

        assertThat(camille.postJson("/api/v1/requests/" + id + "/information", "{\"comment\": \"Signé le 20/11\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.state")
                .isEqualTo("IN_REVIEW");
        assertThat(ines.postJson("/api/v1/hr/requests/" + id + "/approve", null))
                .hasStatusOk();
        var done = camille.body(camille.getJson("/api/v1/requests/" + id));
        assertThat(JsonPath.<List<String>>read(done, "$.timeline[*].event"))
                .containsExactly("SUBMITTED", "INFO_REQUESTED", "INFO_GIVEN", "APPROVED", "COMPLETED");
        assertThat(camille.postJson("/api/v1/requests/" + id + "/information", "{\"comment\": \"encore\"}"))
                .hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void salaryCertificateWhenHrApprovesThenStatesTheNetPayOfThePeriod() throws IOException {
        var camille = signedIn(agent.login());
        var lastMonth = java.time.YearMonth.from(org.guichet.platform.DisplayZone.today(clock))
                .minusMonths(1);
        var first = lastMonth.minusMonths(2);
        var payroll = new StringBuilder(org.guichet.testing.PayrollCsv.HEADER);
        for (var month = first; !month.isAfter(lastMonth); month = month.plusMonths(1)) {
            payroll.append(org.guichet.testing.PayrollCsv.row(agent.soi(), month, "1923,66"));
        }
        var published = payslips.publish(
                "paie.csv",
                new org.springframework.core.io.ByteArrayResource(
                        payroll.toString().getBytes(StandardCharsets.UTF_8)),
                hr.id());
        assertThat(published.published()).as(published.toString()).isTrue();
        assertThat(camille.postJson(
                        "/api/v1/requests",
                        "{\"type\": \"SALARY_CERTIFICATE\", \"fields\": {\"from\": \"" + lastMonth.atDay(1)
                                + "\", \"to\": \"" + first.atDay(1) + "\"}}"))
                .as("the period ends before it starts")
                .hasStatus(HttpStatus.BAD_REQUEST);
        var created = camille.postJson(
                "/api/v1/requests",
                "{\"type\": \"SALARY_CERTIFICATE\", \"fields\": {\"from\": \"" + first.atDay(1) + "\", \"to\": \""
                        + lastMonth.atEndOfMonth() + "\"}}");
        String id = JsonPath.read(camille.body(created), "$.id");
        var ines = new MockBrowser(mvc);
        ines.signInWithTotp(hr.login(), jdbc, clock);
        assertThat(ids(ines.getJson("/api/v1/hr/requests?type=SALARY_CERTIFICATE")))
                .contains(id);
        assertThat(ids(ines.getJson("/api/v1/hr/requests?type=PERSONAL_SITUATION")))
                .doesNotContain(id);
        assertThat(ids(ines.getJson("/api/v1/hr/requests?waitingDays=7")))
                .as("filed today")
                .doesNotContain(id);
        assertThat(camille.postJson("/api/v1/hr/requests/" + id + "/take", null))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(ines.postJson("/api/v1/hr/requests/" + id + "/take", null))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.takenBy")
                .isEqualTo(hr.fullName());
        assertThat(ines.body(ines.get("/hr/requests?type=SALARY_CERTIFICATE")))
                .contains("Traitée par " + hr.fullName());
        assertThat(ines.postJson("/api/v1/hr/requests/" + id + "/approve", null))
                .hasStatusOk();

        var done = camille.body(camille.getJson("/api/v1/requests/" + id));
        String href = JsonPath.read(done, "$.documents[0].href");
        String reference = JsonPath.read(done, "$.documents[0].reference");
        var total = jdbc.sql("SELECT SUM(net_pay) FROM payslip WHERE soi = ? AND period BETWEEN ? AND ?")
                .params(agent.soi(), first.toString(), lastMonth.toString())
                .query(java.math.BigDecimal.class)
                .single();
        assertThat(text(camille.getJson(href).getResponse().getContentAsByteArray()))
                .contains("ATTESTATION DE SALAIRE", "Total net", org.guichet.platform.DisplayNumbers.euros(total))
                .contains("3 bulletin(s)", reference);
        assertThat(camille.body(camille.get("/verify/" + reference))).contains("rémunération nette");
    }

    @Test
    void draftWhenSavedThenOnlyTheAgentSeesItAndItIsFiledOnceComplete() {
        var camille = signedIn(agent.login());
        var incomplete = camille.postJson(
                "/api/v1/requests", "{\"type\": \"TELEWORK\", \"draft\": true, \"fields\": {\"days\": \"2\"}}");
        assertThat(incomplete).hasStatus(HttpStatus.CREATED);
        assertThat(incomplete).bodyJson().extractingPath("$.state").isEqualTo("DRAFT");
        String first = JsonPath.read(camille.body(incomplete), "$.id");
        refused(camille.postJson("/api/v1/requests/" + first + "/submit", null), "FIELD_INVALID");
        refused(
                camille.postJson(
                        "/api/v1/requests", "{\"type\": \"TELEWORK\", \"draft\": true, \"fields\": {\"days\": \"9\"}}"),
                "FIELD_INVALID");

        var complete = camille.postJson(
                "/api/v1/requests",
                "{\"type\": \"TELEWORK\", \"draft\": true, "
                        + "\"fields\": {\"days\": \"1\", \"start\": \"2027-05-03\"}}");
        String id = JsonPath.read(camille.body(complete), "$.id");
        var lucas = signedIn(manager.login());
        assertThat(lucas.getJson("/api/v1/requests/" + id))
                .as("a draft is the agent's own")
                .hasStatus(HttpStatus.NOT_FOUND);

        var filed = camille.postJson("/api/v1/requests/" + id + "/submit", null);
        assertThat(filed).hasStatusOk().bodyJson().extractingPath("$.state").isEqualTo("IN_REVIEW");
        assertThat(JsonPath.<List<String>>read(camille.body(filed), "$.timeline[*].event"))
                .containsExactly("DRAFTED", "SUBMITTED");
        assertThat(lucas.getJson("/api/v1/requests/" + id)).hasStatusOk();
        assertThat(camille.postJson("/api/v1/requests/" + first + "/cancel", null))
                .hasStatusOk();
    }

    private static String situation(String attachment) {
        return """
                {"type": "PERSONAL_SITUATION", "fields": {"change": "ADDRESS", "details": "12 rue des Lilas",
                 "effective": "2026-11-01", "proof": "%s"}}""".formatted(attachment);
    }

    /** Whether the PDF's last signature verifies over the bytes it covers (CMS, checked with Bouncy Castle). */
    static boolean signatureValid(byte[] pdf) {
        try (var document = Loader.loadPDF(pdf)) {
            var signature = document.getLastSignatureDictionary();
            if (signature == null) {
                return false;
            }
            // the signature is padded with zeros up to its reserved size: read the one object it holds
            var contentInfo = org.bouncycastle.asn1.cms.ContentInfo.getInstance(
                    new org.bouncycastle.asn1.ASN1InputStream(signature.getContents(pdf)).readObject());
            var cms = new org.bouncycastle.cms.CMSSignedData(
                    new org.bouncycastle.cms.CMSProcessableByteArray(signature.getSignedContent(pdf)), contentInfo);
            var signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            var certificate = (org.bouncycastle.cert.X509CertificateHolder)
                    cms.getCertificates().getMatches(signer.getSID()).iterator().next();
            return signer.verify(
                    new org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder().build(certificate));
        } catch (Exception e) {
            return false;
        }
    }

    static byte[] pdf() throws IOException {
        try (var document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            var out = new java.io.ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private MockBrowser signedIn(String login) {
        var browser = new MockBrowser(mvc);
        browser.signIn(login, "Guichet-demo-2026");
        return browser;
    }

    private static List<String> ids(MvcTestResult result) {
        try {
            return JsonPath.read(result.getResponse().getContentAsString(), "$[*].id");
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void refused(MvcTestResult result, String code) {
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errorCode").isEqualTo(code);
    }

    private static String text(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
