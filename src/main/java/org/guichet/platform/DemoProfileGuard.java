package org.guichet.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The demo profile loads accounts with a published password: it must never run in production. Starting with both
 * {@code demo} and {@code prod} fails at once.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo & prod")
class DemoProfileGuard {

    DemoProfileGuard() {
        throw new IllegalStateException(
                "The demo profile loads accounts with a published password and must never run with the prod profile");
    }
}
