package org.guichet.platform;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.guichet.GuichetApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

class ProfilesTests {

    @Test
    void startWhenDemoWithProdThenRefused() {
        var application = new SpringApplicationBuilder(GuichetApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("demo", "prod", "test");

        assertThatThrownBy(application::run)
                .hasRootCauseMessage(
                        "The demo profile loads accounts with a published password and must never run with the prod profile");
    }
}
