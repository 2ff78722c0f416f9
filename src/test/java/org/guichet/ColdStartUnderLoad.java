package org.guichet;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Restarts Guichet's packaged jar again and again and, the moment it is up, gives it concurrent browser sign-ins and
 * page views: the morning after a deployment, on a small node. A watchdog fails a run when no request at all completes
 * for {@link Options#stall} (the node has stopped answering), takes the node's thread dumps (platform threads with
 * {@code jcmd Thread.print}, virtual threads with {@code jcmd Thread.dump_to_file}) and ends it.
 *
 * <p>It needs nothing but the JDK, so that it runs both from {@code ColdStartUnderLoadIT} (in {@code ./mvnw verify})
 * and as a single-file program from {@code bench/cold-start.sh}:
 *
 * <pre>
 * java src/test/java/org/guichet/ColdStartUnderLoad.java --jar=target/guichet-0.1.0-SNAPSHOT.jar --runs=20 \
 *     --workers=8 --out=target/cold-start [-- extra Guichet arguments]
 * </pre>
 *
 * The database comes from {@code GUICHET_DB_URL}, {@code GUICHET_DB_USER} and {@code GUICHET_DB_PASSWORD}, as for
 * Guichet itself. Exit code: 0 no run hung, 1 some run hung or did not start, 2 bad usage.
 */
public final class ColdStartUnderLoad {

    /** Demo agents who sign in with their password alone from loopback (the office network). */
    private static final List<String> AGENTS = List.of("camille.martin", "lucas.bernard", "theo.moreau");

    private static final String PASSWORD = "Guichet-demo-2026";

    /** What an agent opens after signing in: every page renders its own templates the first time. */
    private static final List<String> PAGES = List.of(
            "/",
            "/payslips",
            "/leave",
            "/schedule",
            "/schedule/month",
            "/requests",
            "/requests/new",
            "/notifications",
            "/account",
            "/account/sessions",
            "/account/activity",
            "/check",
            "/help",
            "/legal",
            "/accessibility",
            "/api/v1/me",
            "/api/v1/services",
            "/approvals",
            "/leave/team");

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    /** The style sheets, scripts and images a page refers to, which a browser fetches at once. */
    private static final Pattern ASSET =
            Pattern.compile("(?:href|src)=\"(/[^\"?#]+\\.(?:css|js|svg|png|ico|woff2?))\"");

    public record Options(
            Path jar,
            int runs,
            int workers,
            Duration load,
            Duration stall,
            Duration startTimeout,
            Path out,
            Map<String, String> environment,
            List<String> guichetArguments,
            boolean dumpDuringLoad) {}

    /** One cold start: whether it came up, whether it hung, how many requests completed under load. */
    public record Run(
            int number,
            boolean started,
            boolean hung,
            long completed,
            long failed,
            Duration startUp,
            Map<Integer, Long> statuses) {

        String describe() {
            if (!started) {
                return "run %d: did not start".formatted(number);
            }
            return "run %d: %s, up in %.1f s, %d requests completed %s, %d failed"
                    .formatted(
                            number,
                            hung ? "HUNG" : "ok",
                            startUp.toMillis() / 1000.0,
                            completed,
                            new java.util.TreeMap<>(statuses),
                            failed);
        }
    }

    public record Result(List<Run> runs) {

        public long hung() {
            return runs.stream().filter(Run::hung).count();
        }

        public long notStarted() {
            return runs.stream().filter(run -> !run.started()).count();
        }

        public String summary() {
            return "%d cold starts under load: %d hung, %d did not start".formatted(runs.size(), hung(), notStarted());
        }
    }

    private final Options options;

    public ColdStartUnderLoad(Options options) {
        this.options = options;
    }

    public Result runAll() throws IOException, InterruptedException {
        Files.createDirectories(options.out());
        var runs = new ArrayList<Run>();
        for (int number = 1; number <= options.runs(); number++) {
            var run = runOnce(number);
            System.out.println(run.describe());
            runs.add(run);
        }
        var result = new Result(runs);
        System.out.println(result.summary());
        return result;
    }

    private Run runOnce(int number) throws IOException, InterruptedException {
        int port = org.guichet.testing.FreePorts.next();
        var log = options.out().resolve("run-" + number + ".log");
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                options.jar().toString(),
                "--spring.profiles.active=demo",
                "--server.port=" + port));
        command.addAll(options.guichetArguments());
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(options.out().toFile());
        builder.environment().remove("SPRING_PROFILES_ACTIVE");
        builder.environment().putAll(options.environment());
        var started = Instant.now();
        var process = builder.start();
        try {
            var base = "http://127.0.0.1:" + port;
            if (!awaitUp(base, process)) {
                return new Run(number, false, false, 0, 0, Duration.between(started, Instant.now()), Map.of());
            }
            var startUp = Duration.between(started, Instant.now());
            var load = new Load(base);
            var during = Executors.newSingleThreadScheduledExecutor();
            if (options.dumpDuringLoad()) {
                // what the node does under load, for comparison with a hang's dumps
                during.schedule(
                        () -> {
                            dumpThreads(process.pid(), "load-run-" + number);
                            return null;
                        },
                        options.load().toMillis() / 2,
                        TimeUnit.MILLISECONDS);
            }
            boolean hung;
            try {
                hung = load.run(options.workers(), options.load(), options.stall());
            } finally {
                during.shutdownNow();
            }
            if (hung) {
                dumpThreads(process.pid(), "hang-run-" + number);
            }
            return new Run(
                    number, true, hung, load.completed.get(), load.failed.get(), startUp, Map.copyOf(load.statuses));
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private boolean awaitUp(String base, Process process) throws InterruptedException {
        var client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var deadline = Instant.now().plus(options.startTimeout());
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                var response = client.send(
                        HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        return false;
    }

    private void dumpThreads(long pid, String name) throws IOException, InterruptedException {
        var jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        var platform = options.out().resolve(name + "-platform-threads.txt");
        var virtual = options.out().resolve(name + "-virtual-threads.txt");
        Files.deleteIfExists(virtual);
        new ProcessBuilder(jcmd, Long.toString(pid), "Thread.print", "-l")
                .redirectErrorStream(true)
                .redirectOutput(platform.toFile())
                .start()
                .waitFor(30, TimeUnit.SECONDS);
        new ProcessBuilder(jcmd, Long.toString(pid), "Thread.dump_to_file", "-format=text", virtual.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start()
                .waitFor(30, TimeUnit.SECONDS);
        System.out.println(name + ": thread dumps in " + platform + " and " + virtual);
    }

    /** Workers that sign in, open every page, sign out and start again; and the watchdog over them. */
    private static final class Load {

        private final String base;
        private final AtomicLong completed = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final AtomicLong lastProgress = new AtomicLong(System.nanoTime());
        private final Map<Integer, Long> statuses = new java.util.concurrent.ConcurrentHashMap<>();

        Load(String base) {
            this.base = base;
        }

        /** Returns whether the node stopped answering (no request completed for {@code stall}). */
        boolean run(int workers, Duration load, Duration stall) throws InterruptedException {
            var end = System.nanoTime() + load.toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            for (int worker = 0; worker < workers; worker++) {
                var agent = AGENTS.get(worker % AGENTS.size());
                pool.execute(() -> {
                    while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
                        visit(agent);
                    }
                });
            }
            pool.shutdown();
            lastProgress.set(System.nanoTime());
            try {
                while (!pool.awaitTermination(250, TimeUnit.MILLISECONDS)) {
                    if (System.nanoTime() - lastProgress.get() > stall.toNanos()) {
                        return true;
                    }
                }
                return false;
            } finally {
                pool.shutdownNow();
            }
        }

        private void visit(String agent) {
            try (var client = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build()) {
                var login = get(client, "/login");
                var token = csrf(login);
                var home = post(client, "/login", "username=" + agent + "&password=" + PASSWORD + "&_csrf=" + token);
                for (var page : PAGES) {
                    get(client, page);
                }
                post(client, "/logout", "_csrf=" + csrf(home));
            } catch (IOException | RuntimeException e) {
                failed.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private String get(HttpClient client, String path) throws IOException, InterruptedException {
            var page = send(client, request(path).GET().build());
            var assets = new ArrayList<java.util.concurrent.CompletableFuture<?>>();
            var matcher = ASSET.matcher(page);
            while (matcher.find()) {
                assets.add(client.sendAsync(
                                request(matcher.group(1)).GET().build(), HttpResponse.BodyHandlers.discarding())
                        .thenAccept(response -> progress(response.statusCode())));
            }
            for (var asset : assets) {
                try {
                    asset.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failed.incrementAndGet();
                }
            }
            return page;
        }

        private String post(HttpClient client, String path, String form) throws IOException, InterruptedException {
            return send(
                    client,
                    request(path)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build());
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofMinutes(2))
                    .header("Accept", "text/html,application/json");
        }

        private String send(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
            progress(response.statusCode());
            return response.body();
        }

        private void progress(int status) {
            lastProgress.set(System.nanoTime());
            completed.incrementAndGet();
            statuses.merge(status, 1L, Long::sum);
            if (status >= 500) {
                failed.incrementAndGet();
            }
        }

        private static String csrf(String page) {
            var matcher = CSRF.matcher(page);
            if (!matcher.find()) {
                throw new IllegalStateException("no CSRF token in the page");
            }
            return URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
        }
    }

    public static void main(String[] arguments) throws Exception {
        Path jar = null;
        Path out = Path.of("target", "cold-start");
        int runs = 10;
        int workers = 8;
        long loadSeconds = 20;
        long stallSeconds = 10;
        boolean dumpDuringLoad = false;
        var guichetArguments = new ArrayList<String>();
        boolean rest = false;
        for (var argument : arguments) {
            if (rest) {
                guichetArguments.add(argument);
            } else if (argument.equals("--")) {
                rest = true;
            } else if (argument.startsWith("--jar=")) {
                jar = Path.of(argument.substring(6));
            } else if (argument.startsWith("--runs=")) {
                runs = Integer.parseInt(argument.substring(7));
            } else if (argument.startsWith("--workers=")) {
                workers = Integer.parseInt(argument.substring(10));
            } else if (argument.startsWith("--load-seconds=")) {
                loadSeconds = Long.parseLong(argument.substring(15));
            } else if (argument.startsWith("--stall-seconds=")) {
                stallSeconds = Long.parseLong(argument.substring(16));
            } else if (argument.equals("--dump-during-load")) {
                dumpDuringLoad = true;
            } else if (argument.startsWith("--out=")) {
                out = Path.of(argument.substring(6));
            } else {
                System.err.println("unknown argument: " + argument);
                System.exit(2);
            }
        }
        if (jar == null || !Files.isRegularFile(jar)) {
            System.err.println("usage: ColdStartUnderLoad --jar=<guichet.jar> [--runs=N] [--workers=N] "
                    + "[--load-seconds=N] [--stall-seconds=N] [--dump-during-load] [--out=DIR] [-- Guichet arguments]");
            System.exit(2);
        }
        var result = new ColdStartUnderLoad(new Options(
                        jar.toAbsolutePath(),
                        runs,
                        workers,
                        Duration.ofSeconds(loadSeconds),
                        Duration.ofSeconds(stallSeconds),
                        Duration.ofMinutes(3),
                        out.toAbsolutePath(),
                        Map.of(),
                        guichetArguments,
                        dumpDuringLoad))
                .runAll();
        System.exit(result.hung() + result.notStarted() == 0 ? 0 : 1);
    }
}
