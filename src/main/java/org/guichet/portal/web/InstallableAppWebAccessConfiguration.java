package org.guichet.portal.web;

import org.guichet.platform.web.WebAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The installable app's files are public, like the styles: its manifest, its service worker (which keeps only the
 * application's shell), its icons and the page it shows offline. None holds anything personal.
 */
@Configuration(proxyBeanMethods = false)
class InstallableAppWebAccessConfiguration {

    @Bean
    WebAccess installableAppWebAccess() {
        return WebAccess.none().open("/manifest.webmanifest", "/sw.js", "/offline.html", "/icons/**");
    }
}
