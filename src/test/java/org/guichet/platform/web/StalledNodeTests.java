package org.guichet.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.test.context.ActiveProfiles;

/**
 * A node whose request threads are all stuck, on a real Tomcat with three request threads: the liveness probe, served
 * by the management server's own connector, turns DOWN and the log has the thread dump; once the threads are free it
 * is UP again. The stall is induced by a filter that holds {@code /stuck} requests until the test lets them go, as a
 * deadlock or a lost lock would.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.tomcat.threads.max=3",
            "server.tomcat.threads.min-spare=1",
            "management.server.port=0",
            "guichet.watchdog.stall-after=2s",
            "guichet.watchdog.check-every=200ms"
        })
@ActiveProfiles({"test", "demo"})
@ExtendWith(OutputCaptureExtension.class)
class StalledNodeTests {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    StuckRequests stuck;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void letGo() {
        stuck.release();
    }

    @Test
    void livenessWhenEveryRequestThreadIsStuckThenDownWithAThreadDumpAndUpOnceTheyAreFree(CapturedOutput output)
            throws Exception {
        assertThat(liveness().statusCode()).isEqualTo(200);

        var requests = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        for (int i = 0; i < 4; i++) {
            requests.add(http.sendAsync(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stuck"))
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        assertThat(stuck.started.await(10, TimeUnit.SECONDS))
                .as("three requests hold the three threads")
                .isTrue();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            var probe = liveness();
            assertThat(probe.statusCode()).isEqualTo(503);
            assertThat(probe.body()).contains("DOWN");
        });
        assertThat(output)
                .contains("Request handling has stalled: ")
                .contains("the oldest is GET /stuck on ")
                .contains("Liveness is now BROKEN")
                .contains("StalledNodeTests$StuckRequests");

        stuck.release();
        for (var request : requests) {
            assertThat(request.get(30, TimeUnit.SECONDS).statusCode()).isLessThan(500);
        }
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(liveness().statusCode()).isEqualTo(200));
        assertThat(output).contains("Request handling has resumed after a stall of ");
    }

    private HttpResponse<String> liveness() throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/liveness"))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Holds every request to {@code /stuck} on its thread until released. */
    static final class StuckRequests {

        final CountDownLatch started = new CountDownLatch(3);
        private final CountDownLatch released = new CountDownLatch(1);

        void hold() throws InterruptedException {
            started.countDown();
            released.await(60, TimeUnit.SECONDS);
        }

        void release() {
            released.countDown();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Stalling {

        @Bean
        StuckRequests stuckRequests() {
            return new StuckRequests();
        }

        @Bean
        FilterRegistrationBean<Filter> stuckRequestsFilter(StuckRequests stuck) {
            Filter filter = (request, response, chain) -> {
                if (((HttpServletRequest) request).getRequestURI().equals("/stuck")) {
                    try {
                        stuck.hold();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                chain.doFilter(request, response);
            };
            var registration = new FilterRegistrationBean<>(filter);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
            return registration;
        }
    }
}
