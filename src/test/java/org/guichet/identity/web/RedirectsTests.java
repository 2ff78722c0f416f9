package org.guichet.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectsTests {

    @Test
    void localWhenAPathOfThisSiteThenKept() {
        assertThat(Redirects.local("/account/factors/app?x=1&y=2", "/account"))
                .isEqualTo("/account/factors/app?x=1&y=2");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://evil.example",
                "//evil.example",
                "/\\evil.example",
                "/\t/evil.example",
                "/ /evil.example",
                "account",
                "",
                "javascript:alert(1)"
            })
    void localWhenAnotherSiteOrNotAPathThenTheFallback(String next) {
        assertThat(Redirects.local(next, "/account")).isEqualTo("/account");
        assertThat(Redirects.local(null, "/account")).isEqualTo("/account");
    }

    @Test
    void withNextWhenTheTargetHasAQueryThenEncodedSoItSurvives() {
        assertThat(Redirects.withNext("/sign-in/confirm", "/account/factors?a=1&b=2"))
                .isEqualTo("/sign-in/confirm?next=%2Faccount%2Ffactors%3Fa%3D1%26b%3D2");
    }

    @Test
    void withNextWhenTheTargetIsAlreadyEncodedThenItComesBackAsItWas() {
        // an authorization request of the single sign-on: its own values are encoded (%20, %3A)
        var next = "/oauth2/authorize?scope=openid%20profile&redirect_uri=http%3A%2F%2F127.0.0.1%3A9081%2Fcb";

        var query = java.net
                .URI
                .create(Redirects.withNext("/sign-in/confirm", next))
                .getRawQuery();

        assertThat(java.net.URLDecoder.decode(
                        query.substring("next=".length()), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(next);
        assertThat(Redirects.local(next, "/account")).isEqualTo(next);
    }
}
