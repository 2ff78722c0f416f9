package org.guichet.payslip;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.guichet.platform.DisplayZone;
import org.guichet.testing.Agents;
import org.guichet.testing.Demo;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.MockBrowser;
import org.guichet.testing.Outbox;
import org.guichet.testing.PayrollCsv;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Payslips: an agent reads and downloads her own and no one else's; HR publishes a month all or nothing, from payroll
 * lines (rendered into PDF) or from a ZIP of PDFs, and opens an agent's payslip only with a reason.
 */
@IntegrationTest
@RecordApplicationEvents
class PayslipTests {

    static final String HEADER = PayrollCsv.HEADER;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEvents events;

    @Autowired
    Agents agents;

    /** Two agents of the test's own, whose payslips HR (Inès Petit, of the demo) publishes. */
    Agents.TestAgent theo;

    Agents.TestAgent jules;

    @BeforeEach
    void agentsOfItsOwn() {
        theo = agents.create().named("Théo").build();
        jules = agents.create().named("Jules").build();
    }

    /** A payroll row whose totals add up: gross 2,398.25, deductions 474.59, net 1,923.66. */
    static String row(String soi, YearMonth period, String net) {
        return PayrollCsv.row(soi, period, net);
    }

    @Test
    void payslipsWhenListedThenAgentGetsHerOwnNewestFirstAndDownloadsOne() throws IOException {
        var camille = new MockBrowser(mvc);
        camille.signIn("camille.martin", "Guichet-demo-2026");
        var list = camille.getJson("/api/v1/payslips");
        assertThat(list).hasStatusOk();
        List<String> periods = JsonPath.read(camille.body(list), "$[*].period");
        assertThat(periods).hasSizeGreaterThanOrEqualTo(24);
        var lastMonth = YearMonth.from(DisplayZone.today(clock)).minusMonths(1);
        assertThat(periods)
                .contains(lastMonth.toString(), lastMonth.minusMonths(23).toString());
        assertThat(periods).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        String id = JsonPath.read(camille.body(list), "$[?(@.period == '" + lastMonth + "')].id")
                .toString()
                .replaceAll("[\\[\\]\"]", "");
        assertThat(JsonPath.<List<Double>>read(camille.body(list), "$[?(@.period == '" + lastMonth + "')].netPay"))
                .allSatisfy(net -> assertThat(net).isGreaterThan(1000));

        var pdf = camille.getJson("/api/v1/payslips/" + id + "/pdf");
        assertThat(pdf).hasStatusOk().hasContentType("application/pdf");
        assertThat(pdf.getResponse().getHeader("Content-Disposition"))
                .startsWith("attachment")
                .contains("bulletin-de-paie-" + lastMonth + ".pdf");
        assertThat(pdf.getResponse().getHeader("Cache-Control")).contains("no-store");
        assertThat(text(pdf.getResponse().getContentAsByteArray())).contains("Camille Martin", "NET À PAYER");
        assertThat(events.stream(PayslipDownloaded.class))
                .anySatisfy(event -> assertThat(event.agent().soi()).isEqualTo("1000001"));

        // the page lists the same payslips, with a link to view and one to download each
        var page = camille.body(camille.get("/payslips"));
        assertThat(page).contains("/payslips/" + id + "/pdf", "download=true");
        // a year is written as people read it, never grouped ("Bulletins 2 026")
        var year = String.valueOf(lastMonth.getYear());
        assertThat(page).contains("Bulletins " + year).doesNotContainPattern("Bulletins \\d[\\s\\u00a0\\u202f]\\d{3}");
        assertThat(camille.get("/payslips/" + id + "/pdf").getResponse().getHeader("Content-Disposition"))
                .startsWith("inline");
    }

    @Test
    void payslipWhenAnotherAgentsOrMissingThenNotFoundAlike() {
        var lucasPayslip = jdbc.sql("SELECT id FROM payslip WHERE soi = '1000002' ORDER BY period DESC LIMIT 1")
                .query(String.class)
                .single();
        var camille = new MockBrowser(mvc);
        camille.signIn("camille.martin", "Guichet-demo-2026");
        for (var id : List.of(lucasPayslip, java.util.UUID.randomUUID().toString(), "not-an-id")) {
            var result = camille.getJson("/api/v1/payslips/" + id + "/pdf");
            assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(result).bodyJson().extractingPath("$.errorCode").isEqualTo("PAYSLIP_NOT_FOUND");
            assertThat(camille.get("/payslips/" + id + "/pdf")).hasStatus(HttpStatus.NOT_FOUND);
        }
        assertThat(events.stream(PayslipDownloaded.class)).isEmpty();
    }

    @Test
    void csvBatchWhenOneRowIsWrongThenNothingIsPublishedAndTheRowIsReported() {
        var month = YearMonth.from(DisplayZone.today(clock)).plusMonths(1);
        var csv = HEADER
                + row(theo.soi(), month, "1923,66")
                + row(jules.soi(), month, "2000,00")
                + row("1234567", month, "1923,66");
        var ines = hr();
        var result = ines.upload("/api/v1/hr/payslip-batches", "file", "paie.csv", bytes(csv), true);
        assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(result).bodyJson().extractingPath("$.published").isEqualTo(false);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.rejected[*].location")
                .asArray()
                .containsExactly("3", "4");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.rejected[*].problem")
                .asArray()
                .containsExactly("NET_PAY_MISMATCH", "UNKNOWN_AGENT");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.rejected[0].message")
                .asString()
                .contains("1923.66");
        assertThat(count(month)).isZero();
        assertThat(events.stream(PayslipPublished.class)).isEmpty();

        // the page says the same, in a table next to the form
        var page = ines.upload("/hr/payslips", "file", "paie.csv", bytes(csv), false);
        assertThat(page).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(ines.body(page)).contains("Rien n’est publié", "data-problem=\"NET_PAY_MISMATCH\"");
        assertThat(count(month)).isZero();
    }

    @Test
    void csvBatchWhenRightThenEveryAgentGetsARenderedPayslipAndAMail() throws IOException {
        var month = YearMonth.from(DisplayZone.today(clock));
        var outbox = new Outbox(jdbc);
        var mails = outbox.to(theo.email()).size();
        var csv = HEADER + row(theo.soi(), month, "1923,66") + row(jules.soi(), month, "1923,66");

        var result = hr().upload("/api/v1/hr/payslip-batches", "file", "paie.csv", bytes(csv), true);

        assertThat(result).hasStatus(HttpStatus.CREATED);
        assertThat(result).bodyJson().extractingPath("$.items").isEqualTo(2);
        assertThat(count(month)).isEqualTo(2);
        var theo = new MockBrowser(mvc);
        theo.signIn(this.theo.login(), Demo.PASSWORD);
        String id = JsonPath.<List<String>>read(
                        theo.body(theo.getJson("/api/v1/payslips")), "$[?(@.period == '" + month + "')].id")
                .getFirst();
        var text = text(
                theo.getJson("/api/v1/payslips/" + id + "/pdf").getResponse().getContentAsByteArray());
        assertThat(text)
                .contains(this.theo.fullName(), "1 923,66", "Net imposable", "1 991,99", "Indice majoré : 420")
                .contains("Retenue pour pension civile (CNRACL)", "229,50");
        assertThat(outbox.awaitMessage(this.theo.email(), mails)).contains("Votre bulletin de paie");
    }

    @Test
    void zipBatchWhenAFileIsNotAPdfThenNothingIsPublished() throws IOException {
        var month = YearMonth.from(DisplayZone.today(clock)).plusMonths(1);
        var realPdf = jdbc.sql("SELECT content FROM payslip_document d JOIN payslip p ON p.id = d.payslip_id "
                        + "WHERE p.soi = '1000001' ORDER BY p.period DESC LIMIT 1")
                .query((rs, row) -> rs.getBytes(1))
                .single();
        var executable = "MZ\u0090\u0000 this program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1);
        var ines = hr();

        var rejected = ines.upload(
                "/api/v1/hr/payslip-batches",
                "file",
                "paie.zip",
                zip(
                        theo.soi() + "_" + month + ".pdf",
                        realPdf,
                        "octobre/" + jules.soi() + "_" + month + ".pdf",
                        executable),
                true);
        assertThat(rejected).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(rejected).bodyJson().extractingPath("$.rejected[0].problem").isEqualTo("NOT_A_PDF");
        assertThat(rejected)
                .bodyJson()
                .extractingPath("$.rejected[0].location")
                .isEqualTo(jules.soi() + "_" + month + ".pdf");
        assertThat(count(month)).isZero();

        var published = ines.upload(
                "/api/v1/hr/payslip-batches",
                "file",
                "paie.zip",
                zip(
                        theo.soi() + "_" + month + ".pdf",
                        realPdf,
                        "__MACOSX/._" + theo.soi() + "_" + month + ".pdf",
                        executable),
                true);
        assertThat(published).hasStatus(HttpStatus.CREATED);
        assertThat(count(month)).isEqualTo(1);
        // the same file again: already published, nothing written twice
        var again = ines.upload(
                "/api/v1/hr/payslip-batches",
                "file",
                "paie.zip",
                zip(theo.soi() + "_" + month + ".pdf", realPdf),
                true);
        assertThat(again).bodyJson().extractingPath("$.rejected[0].problem").isEqualTo("ALREADY_PUBLISHED");
        assertThat(hr().upload("/api/v1/hr/payslip-batches", "file", "notes.txt", bytes("bonjour"), true))
                .bodyJson()
                .extractingPath("$.errorCode")
                .isEqualTo("UNKNOWN_FILE_KIND");
    }

    @Test
    void hrWhenOpeningAnAgentsPayslipThenAReasonIsRequiredAndRecorded() {
        var id = jdbc.sql("SELECT id FROM payslip WHERE soi = '1000001' ORDER BY period DESC LIMIT 1")
                .query(String.class)
                .single();
        var ines = hr();
        var listed = ines.getJson("/api/v1/hr/payslips?agent=camille.martin");
        assertThat(listed).hasStatusOk();
        assertThat(listed).bodyJson().extractingPath("$[0].id").isEqualTo(id);

        var withoutReason = ines.postJson("/api/v1/hr/payslips/" + id + "/pdf", "{\"reason\": \"  \"}");
        assertThat(withoutReason).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(withoutReason).bodyJson().extractingPath("$.errorCode").isEqualTo("REASON_REQUIRED");
        assertThat(events.stream(PayslipOpenedByHr.class)).isEmpty();

        var opened = ines.postJson("/api/v1/hr/payslips/" + id + "/pdf", "{\"reason\": \"Ticket 4521\"}");
        assertThat(opened).hasStatusOk().hasContentType("application/pdf");
        assertThat(events.stream(PayslipOpenedByHr.class)).singleElement().satisfies(event -> {
            assertThat(event.agent().soi()).isEqualTo("1000001");
            assertThat(event.by().soi()).isEqualTo("1000003");
            assertThat(event.reason()).isEqualTo("Ticket 4521");
        });

        // the page: no reason, no payslip, and the message next to the form
        var page = ines.post("/hr/payslips/open", "agent", "1000001", "payslip", id, "reason", "");
        assertThat(page).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(ines.body(page)).contains("Indiquez le motif de la consultation");
    }

    @Test
    void hrBackOfficeWhenAnAgentAsksThenRefusedWithTheReason() {
        var camille = new MockBrowser(mvc);
        camille.signIn("camille.martin", "Guichet-demo-2026");
        var result = camille.getJson("/api/v1/hr/payslips?agent=1000002");
        assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(result).bodyJson().extractingPath("$.errorCode").isEqualTo("ROLE_REQUIRED");
        assertThat(camille.upload("/api/v1/hr/payslip-batches", "file", "paie.csv", bytes(HEADER), true))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(camille.get("/hr/payslips")).hasStatus(HttpStatus.FORBIDDEN);
    }

    private MockBrowser hr() {
        var ines = new MockBrowser(mvc);
        ines.signInWithTotp("ines.petit", jdbc, clock);
        return ines;
    }

    private int count(YearMonth month) {
        return jdbc.sql("SELECT COUNT(*) FROM payslip WHERE period = ? AND soi IN (?, ?)")
                .params(month.toString(), theo.soi(), jules.soi())
                .query(Integer.class)
                .single();
    }

    static String text(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] zip(Object... namesAndContents) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) namesAndContents[i]));
                zip.write((byte[]) namesAndContents[i + 1]);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
