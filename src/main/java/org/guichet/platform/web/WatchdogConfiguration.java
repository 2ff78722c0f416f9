package org.guichet.platform.web;

import java.time.Clock;
import org.guichet.platform.WatchdogSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;

/**
 * The request watchdog ({@link RequestWatchdog}): the first filter of every request tells it what is in flight, and
 * it watches the main web server's request threads once that server has started (not the management server's, when
 * {@code management.server.port} gives the probes a connector and threads of their own).
 */
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "guichet.watchdog.enabled", matchIfMissing = true)
@Configuration(proxyBeanMethods = false)
class WatchdogConfiguration {

    @Bean
    RequestProgress requestProgress(Clock clock) {
        return new RequestProgress(clock);
    }

    @Bean
    FilterRegistrationBean<RequestProgress> requestProgressFilter(RequestProgress progress) {
        var registration = new FilterRegistrationBean<>(progress);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("requestProgress");
        return registration;
    }

    @Bean(destroyMethod = "close")
    RequestWatchdog requestWatchdog(
            RequestProgress progress, WatchdogSettings settings, Clock clock, ApplicationEventPublisher events) {
        return new RequestWatchdog(progress, settings, clock, events);
    }

    @EventListener
    void onServerStarted(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            return; // the management server
        }
        var watchdog = event.getApplicationContext().getBean(RequestWatchdog.class);
        if (event.getWebServer() instanceof TomcatWebServer tomcat) {
            watchdog.watch(
                    tomcat.getTomcat().getConnector().getProtocolHandler().getExecutor());
        }
        watchdog.start();
    }
}
