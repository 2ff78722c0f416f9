package org.guichet.platform.startup;

import org.springframework.aot.AotDetector;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * In AOT mode, Spring Boot first activates the profiles the jar was prepared with, whatever the start asks for (a jar
 * prepared for {@code prod} started with {@code demo} would run both). This undoes that before the configuration
 * files are read, so that the start's profiles are the ones it names, as without AOT; {@link
 * PreparedConfigurationCheck} then keeps AOT mode only if they are the prepared ones.
 */
class PreparedProfiles implements EnvironmentPostProcessor, Ordered {

    @Override
    public int getOrder() {
        // after Spring Boot's generated post-processor (always first), before the configuration files are read
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (AotDetector.useGeneratedArtifacts()) {
            var named = environment.getProperty(AbstractEnvironment.ACTIVE_PROFILES_PROPERTY_NAME, "");
            environment.setActiveProfiles(PreparedConfiguration.profiles(named));
        }
    }
}
