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
                .isEqualTo("/sign-in/confirm?next=/account/factors?a%3D1%26b%3D2");
    }
}
