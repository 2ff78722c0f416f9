package org.guichet.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.guichet.testing.Agents;
import org.guichet.testing.Dovecot;
import org.guichet.testing.FreePorts;
import org.guichet.testing.HttpAgent;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Measurements of the webmail against a real Dovecot, for bench/README.md (never run with the tests, never asserted as
 * timings): the time to the first page of an inbox of 10,000 messages, and the heap while a 25 MB attachment is sent
 * and downloaded. Run: {@code ./mvnw test -Dtest=MailMeasurements -Dsurefire.failIfNoSpecifiedTests=false
 * -DargLine=-Xmx256m}; the results are printed and written to {@code target/mail-measurements.txt}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "guichet.messaging.resource-server-secret=" + MailMeasurements.SECRET)
@ActiveProfiles({"test", "demo"})
@Import(Agents.class)
class MailMeasurements {

    static final String SECRET = "mail-server-measurements-secret";
    private static final int IMAP = FreePorts.next();
    private static final int SUBMISSION = FreePorts.next();
    /**
     * Where Dovecot relays what is sent: a sink in another process (Python's smtpd), so that the heap measured is
     * Guichet's alone.
     */
    private static final int RELAY = FreePorts.next();

    private static final List<String> RESULTS = new ArrayList<>();
    private static final List<String> HISTOGRAM = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static Dovecot dovecot;
    private static Process relay;

    @LocalServerPort
    int port;

    @Autowired
    Agents agents;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        properties.add("guichet.messaging.imap-port", () -> IMAP);
        properties.add("guichet.messaging.smtp-port", () -> SUBMISSION);
    }

    @BeforeEach
    void startDovecot() throws Exception {
        if (dovecot == null) {
            relay = new ProcessBuilder(
                            "python3",
                            "-W",
                            "ignore",
                            "-m",
                            "smtpd",
                            "-n",
                            "-c",
                            "DebuggingServer",
                            "127.0.0.1:" + RELAY)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            dovecot = Dovecot.start(
                    IMAP,
                    "http://mail-server:" + SECRET + "@127.0.0.1:" + port + "/oauth2/introspect",
                    SUBMISSION,
                    RELAY);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (dovecot != null) {
            dovecot.close();
            relay.destroy();
        }
        var text = String.join("\n", RESULTS) + "\n";
        System.out.println(text);
        Files.writeString(java.nio.file.Path.of("target", "mail-measurements.txt"), text);
    }

    private HttpAgent signedIn(Agents.TestAgent person) {
        var browser = new HttpAgent(port, TestData.officeAddress());
        browser.signIn(person.login());
        return browser;
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    @Test
    void firstPageOfAnInboxOf10000Messages() throws Exception {
        var person = agents.create().build();
        var box = person.email().substring(0, person.email().indexOf('@'));
        for (int i = 1; i <= 10_000; i++) {
            dovecot.deliver(box, """
                    From: Service %d <service%d@ville.example>
                    To: %s
                    Subject: Message numero %d
                    Date: Mon, 30 Nov 2026 09:00:00 +0100
                    Message-ID: <m%d@ville.example>
                    Content-Type: text/plain; charset=utf-8

                    Bonjour, ceci est le message %d.
                    """.formatted(i % 50, i % 50, person.email(), i, i, i), i % 7 != 0);
        }
        var browser = signedIn(person);

        var cold = System.nanoTime();
        var first = browser.get("/mail", "text/html");
        var coldTime = System.nanoTime() - cold;
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Message numero 10000");

        var page = new ArrayList<Long>();
        var api = new ArrayList<Long>();
        for (int i = 0; i < 30; i++) {
            var start = System.nanoTime();
            assertThat(browser.get("/mail", "text/html").statusCode()).isEqualTo(200);
            page.add(System.nanoTime() - start);
            start = System.nanoTime();
            assertThat(browser.get("/api/v1/mail/folders/INBOX/messages?size=25", "application/json")
                            .statusCode())
                    .isEqualTo(200);
            api.add(System.nanoTime() - start);
        }
        page.sort(null);
        api.sort(null);
        RESULTS.add("inbox of 10,000 messages, first page of 25 (/mail, HTML, folders and page, one IMAP connection):");
        RESULTS.add("  first time (Dovecot indexes the folder): %.0f ms".formatted(millis(coldTime)));
        RESULTS.add("  then, 30 times: median %.1f ms, p90 %.1f ms, max %.1f ms"
                .formatted(millis(page.get(15)), millis(page.get(27)), millis(page.get(29))));
        RESULTS.add("  API /api/v1/mail/folders/INBOX/messages?size=25, 30 times: median %.1f ms, p90 %.1f ms"
                .formatted(millis(api.get(15)), millis(api.get(27))));
    }

    @Test
    void heapWhileA25MegabyteAttachmentIsSentAndDownloaded() throws Exception {
        var person = agents.create().build();
        var browser = signedIn(person);
        var file = Files.createTempFile("guichet-measure", ".pdf");
        var random = new java.util.Random(1);
        var chunk = new byte[1024 * 1024];
        try (var out = Files.newOutputStream(file)) {
            for (int i = 0; i < 25; i++) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
        // once first, so that what the first use of these paths loads and keeps (classes' caches, buffers) is not
        // counted
        sendAndDownload(browser, file);
        // what the work keeps alive: the heap after a full collection, every 200 ms while it happens
        var memory = ManagementFactory.getMemoryMXBean();
        var before = histogram();
        System.gc();
        var baseline = memory.getHeapMemoryUsage().getUsed();
        var max = memory.getHeapMemoryUsage().getMax();
        var peak = new AtomicLong();
        var samples = new AtomicLong();
        var sampling = new java.util.concurrent.atomic.AtomicBoolean(true);
        var sampler = Thread.ofPlatform().start(() -> {
            while (sampling.get()) {
                System.gc();
                var used = memory.getHeapMemoryUsage().getUsed();
                if (used > peak.get() && used - baseline > 8 * 1024 * 1024) {
                    growth(before, histogram(), used - baseline);
                }
                peak.accumulateAndGet(used, Math::max);
                samples.incrementAndGet();
                try {
                    Thread.sleep(200);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        });
        try {
            var times = sendAndDownload(browser, file);
            sampling.set(false);
            sampler.join();
            RESULTS.add("25 MB attachment, sent (upload, SMTP submission, copy in Sent) then downloaded from Sent:");
            RESULTS.add("  JVM heap limit %d MB; heap after a full collection before %.1f MB"
                    .formatted(max / 1048576, baseline / 1048576.0));
            RESULTS.add("  most heap in use after a full collection during the work (%d samples): %.1f MB (%+.1f MB)"
                    .formatted(samples.get(), peak.get() / 1048576.0, (peak.get() - baseline) / 1048576.0));
            RESULTS.add("  sent in %.0f ms, downloaded in %.0f ms".formatted(millis(times[0]), millis(times[1])));
            RESULTS.addAll(HISTOGRAM);
        } finally {
            sampling.set(false);
            Files.deleteIfExists(file);
        }
    }

    /** The heap's bytes by class, as the JVM's class histogram says (GC.class_histogram, asked in-process). */
    private static Map<String, Long> histogram() {
        try {
            var text = (String) ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "gcClassHistogram",
                            new Object[] {new String[0]},
                            new String[] {String[].class.getName()});
            var bytes = new java.util.HashMap<String, Long>();
            text.lines()
                    .map(String::strip)
                    .filter(line -> line.matches("\\d+:.*"))
                    .forEach(line -> {
                        var columns = line.split("\\s+");
                        bytes.merge(columns[3], Long.parseLong(columns[2]), Long::sum);
                    });
            return bytes;
        } catch (javax.management.JMException unavailable) {
            return Map.of();
        }
    }

    /** The classes that grew most between two histograms. */
    private static void growth(Map<String, Long> before, Map<String, Long> after, long above) {
        HISTOGRAM.clear();
        HISTOGRAM.add("  heap %+.1f MB above the start; the classes that grew most:".formatted(above / 1048576.0));
        after.entrySet().stream()
                .map(entry -> Map.entry(entry.getKey(), entry.getValue() - before.getOrDefault(entry.getKey(), 0L)))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(5)
                .forEach(entry ->
                        HISTOGRAM.add("    %+.1f MB %s".formatted(entry.getValue() / 1048576.0, entry.getKey())));
    }

    /** Sends the file to a colleague, then downloads it from Sent: how long each took, in nanoseconds. */
    private static long[] sendAndDownload(HttpAgent browser, java.nio.file.Path file) throws java.io.IOException {
        var start = System.nanoTime();
        var sent = browser.postMultipart(
                "/api/v1/mail/messages",
                Map.of("Accept", "application/json", "X-CSRF-TOKEN", browser.csrfToken()),
                List.of(
                        HttpAgent.Part.field(
                                "message",
                                "application/json",
                                "{\"to\":[\"collegue@ville.example\"],\"subject\":\"Mesure\",\"text\":\"x\"}"),
                        HttpAgent.Part.file("files", "mesure.pdf", "application/pdf", file)));
        var sendTime = System.nanoTime() - start;
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        var inSent = browser.get("/api/v1/mail/folders/Sent/messages", "application/json")
                .body()
                .replaceAll("(?s)^.*?\"id\":\"([^\"]+)\".*", "$1");
        start = System.nanoTime();
        var download = browser.download("/mail/messages/" + inSent + "/attachments/2");
        long bytes;
        try (var in = download.body()) {
            bytes = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        var downloadTime = System.nanoTime() - start;
        assertThat(bytes).isEqualTo(25L * 1024 * 1024);
        return new long[] {sendTime, downloadTime};
    }
}
