package org.guichet.platform;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The demo profile loads accounts with a published password: it must never run in production. Starting with both
 * {@code demo} and {@code prod} fails at once, before any bean is created (whatever a bean created first would refuse
 * for production, such as a missing key, this is the reason given).
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo & prod")
class DemoProfileGuard {

    @Bean
    static BeanFactoryPostProcessor refuseDemoInProduction() {
        return beanFactory -> {
            throw new IllegalStateException(
                    "The demo profile loads accounts with a published password and must never run with the prod profile");
        };
    }
}
