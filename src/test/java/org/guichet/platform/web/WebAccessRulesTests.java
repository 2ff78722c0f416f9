package org.guichet.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The modules' web access read as one set of rules: what a module declares open is open and passes the sign-in steps,
 * nothing else does; back offices of one role declared by two modules are merged.
 */
class WebAccessRulesTests {

    private final WebAccessRules rules = new WebAccessRules(
            List.of(),
            List.of(
                    WebAccess.none().open("/legal", "/reset/**").duringSignIn("/session/keepalive"),
                    WebAccess.none().withoutRemoteAccess("/remote-access", "/remote-access/**"),
                    WebAccess.none().backOffice("SECURITY", "/security/**"),
                    WebAccess.none().backOffice("SECURITY", "/api/v1/audit/**").backOffice("HR", "/hr/**")));

    @Test
    void openWhenAModuleDeclaresThePathThenOpenAndPastTheSignInSteps() {
        assertThat(rules.open().matches(get("/legal"))).isTrue();
        assertThat(rules.open().matches(get("/reset/abc"))).isTrue();
        assertThat(rules.passesSignInSteps(get("/reset/abc"))).isTrue();
    }

    @Test
    void openWhenOnlyAPrefixOfTheDeclaredPathThenNotOpen() {
        assertThat(rules.open().matches(get("/legalese"))).isFalse();
        assertThat(rules.open().matches(get("/account"))).isFalse();
        assertThat(rules.passesSignInSteps(get("/account"))).isFalse();
    }

    @Test
    void duringSignInWhenDeclaredOrTheErrorPageThenPassesTheStepsWithoutBeingOpen() {
        assertThat(rules.passesSignInSteps(get("/session/keepalive"))).isTrue();
        assertThat(rules.open().matches(get("/session/keepalive"))).isFalse();
        assertThat(rules.passesSignInSteps(get("/error"))).isTrue();
    }

    @Test
    void withoutRemoteAccessWhenDeclaredThenReachableAndNothingElse() {
        assertThat(rules.reachableWithoutRemoteAccess(get("/remote-access"))).isTrue();
        assertThat(rules.reachableWithoutRemoteAccess(get("/remote-access/request")))
                .isTrue();
        assertThat(rules.reachableWithoutRemoteAccess(get("/payslips"))).isFalse();
    }

    @Test
    void backOfficesWhenOneRoleIsDeclaredTwiceThenItsPathsAreMerged() {
        assertThat(rules.backOffices())
                .isEqualTo(Map.of("HR", List.of("/hr/**"), "SECURITY", List.of("/security/**", "/api/v1/audit/**")));
    }

    @Test
    void noneWhenNoModuleDeclaresAnythingThenOnlyPlatformsOwn() {
        var bare = new WebAccessRules(List.of(), List.of());
        assertThat(bare.passesSignInSteps(get("/error"))).isTrue();
        assertThat(bare.open().matches(get("/dev/outbox"))).isTrue();
        assertThat(bare.reachableWithoutRemoteAccess(get("/remote-access"))).isFalse();
        assertThat(bare.backOffices()).isEmpty();
    }

    private static MockHttpServletRequest get(String path) {
        var request = new MockHttpServletRequest("GET", path);
        request.setServletPath(path);
        return request;
    }
}
