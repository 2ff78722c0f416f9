package org.guichet.helpline.web;

import org.guichet.platform.web.WebAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An agent can ask IT support from where they are stuck: signed out from the login page's form, before giving a
 * pending second factor, and from the internet before their remote access is active. The helpdesk's side is under
 * {@code /support}, its back office.
 */
@Configuration(proxyBeanMethods = false)
class HelplineWebAccessConfiguration {

    @Bean
    WebAccess helplineWebAccess() {
        var paths = new String[] {"/help/**", "/api/v1/conversations", "/api/v1/conversations/**"};
        return WebAccess.none()
                .open("/help/write", "/api/v1/conversations/anonymous")
                .duringSignIn(paths)
                .withoutRemoteAccess(paths);
    }
}
