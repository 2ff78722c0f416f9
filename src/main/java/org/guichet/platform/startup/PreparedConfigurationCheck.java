package org.guichet.platform.startup;

import java.util.List;
import org.apache.commons.logging.Log;
import org.springframework.aot.AotDetector;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.SpringProperties;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * A start in AOT mode ({@code -Dspring.aot.enabled=true}) uses the beans Spring's AOT processing settled at build time
 * for the configuration of the build. Once this start's configuration is read, this compares it with that one ({@link
 * PreparedConfiguration}: profiles, exclusions, every condition the configuration decides). The same: the start goes
 * on in AOT mode. Different: it says how, once, and goes on as a start without AOT would (slower, never with beans of
 * another configuration).
 */
class PreparedConfigurationCheck implements EnvironmentPostProcessor, Ordered {

    private final Log log;

    PreparedConfigurationCheck(DeferredLogFactory logs) {
        this.log = logs.getLog(PreparedConfigurationCheck.class);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!AotDetector.useGeneratedArtifacts()) {
            return;
        }
        long started = System.nanoTime();
        var classLoader = application.getClassLoader();
        var prepared = PreparedConfiguration.read(classLoader);
        var differences = prepared == null
                ? List.of("the jar holds no prepared configuration (" + PreparedConfiguration.RESOURCE + ")")
                : prepared.differences(environment, classLoader);
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (differences.isEmpty()) {
            log.info("Starting with the beans prepared ahead of time: this start's configuration is the one they were"
                    + " prepared for (profiles " + prepared.profiles() + ", "
                    + prepared.outcomes().size()
                    + " conditions checked in " + millis + " ms)");
            return;
        }
        SpringProperties.setProperty(AotDetector.AOT_ENABLED, "false");
        log.warn("Starting without the beans prepared ahead of time (spring.aot.enabled ignored, a slower start):"
                + " this start's configuration differs from the one they were prepared for: "
                + String.join("; ", differences)
                + ". Prepare the jar with this configuration (README, \"JVM options and a faster start\") or start"
                + " without -Dspring.aot.enabled=true.");
    }
}
