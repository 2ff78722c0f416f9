package org.guichet.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.password.PasswordCredentialRepository;
import org.guichet.testing.Demo;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.SignIn;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class SignInTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    DirectoryManagement directory;

    @Autowired
    PasswordCredentialRepository passwords;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void showLoginPageWhenAnonymousThenFormWithCsrfTokenAndLegalNotice() {
        var page = mvc.get().uri("/login").exchange();

        assertThat(page).hasStatusOk();
        assertThat(page)
                .bodyText()
                .contains("name=\"username\"", "name=\"password\"", "name=\"_csrf\"", "<meta name=\"_csrf\"")
                .contains("autocomplete=\"username\"", "autocomplete=\"current-password\"")
                .contains("226-15", "323-1 à 323-7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"camille.martin", "1000001", "camille.martin@ville.example", " CAMILLE.Martin "})
    void signInWhenLoginSoiOrEmailThenHomeShowsHerName(String identifier) {
        var session = SignIn.as(mvc, identifier);

        var home = mvc.get().uri("/").cookie(session).exchange();

        assertThat(home).hasStatusOk();
        assertThat(home).bodyText().contains("Camille Martin");
    }

    @Test
    void signInWhenWrongPasswordOrUnknownIdentifierThenSameAnswer() {
        var wrongPassword = mvc.post()
                .uri("/login")
                .param("username", Demo.CAMILLE)
                .param("password", "not-her-password")
                .with(csrf())
                .exchange();
        var unknown = mvc.post()
                .uri("/login")
                .param("username", "nobody.anywhere")
                .param("password", "not-her-password")
                .with(csrf())
                .exchange();

        assertThat(wrongPassword).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login?error");
        assertThat(unknown).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login?error");
        assertThat(mvc.get().uri("/login").param("error", "").exchange())
                .bodyText()
                .contains("Identifiant ou mot de passe incorrect");
    }

    @Test
    void signInWhenNoCsrfTokenThenFormShownAgainNotSignedIn() {
        var result = mvc.post()
                .uri("/login")
                .param("username", Demo.CAMILLE)
                .param("password", Demo.PASSWORD)
                .accept(MediaType.TEXT_HTML)
                .exchange();

        assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login?expired");
        var session = result.getResponse().getCookie(SignIn.SESSION_COOKIE);
        assertThat(mvc.get().uri("/api/v1/me").cookie(session).exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/login").param("expired", "").exchange())
                .bodyText()
                .contains("La page de connexion était restée ouverte trop longtemps");
    }

    @Test
    void signInWhenAgentSuspendedThenToldOnlyAfterTheRightPassword() throws Exception {
        var block = TestData.block();
        var department = block.department("");
        directory.importDepartments(stream("code;name\n%s;Service\n".formatted(department)));
        directory.importAgents(stream("soi;first_name;last_name;department;status\n%s;Anne;%s;%s;SUSPENDED\n"
                .formatted(block.soi(1), block.name(), department)));
        passwords.createIfAbsent(block.soi(1), encoder.encode(Demo.PASSWORD), false);

        var right = SignIn.attempt(mvc, block.soi(1), Demo.PASSWORD, SignIn.from(TestData.address()));
        var wrong = SignIn.attempt(mvc, block.soi(1), "not the password", SignIn.from(TestData.address()));

        assertThat(right).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login?error");
        assertThat(page(right)).contains("Votre compte est suspendu");
        assertThat(page(wrong))
                .contains("Identifiant ou mot de passe incorrect")
                .doesNotContain("suspendu");
    }

    private String page(org.springframework.test.web.servlet.assertj.MvcTestResult attempt) throws Exception {
        return mvc.get()
                .uri("/login")
                .param("error", "")
                .cookie(attempt.getResponse().getCookie(SignIn.SESSION_COOKIE))
                .exchange()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void signInWhenStoredHashIsLegacyBcryptThenUpgradedToArgon2id() {
        var block = TestData.block();
        var department = block.department("");
        directory.importDepartments(stream("code;name\n%s;Service\n".formatted(department)));
        directory.importAgents(stream("soi;first_name;last_name;department\n%s;Anne;%s;%s\n"
                .formatted(block.soi(1), block.name(), department)));
        var bcrypt = "{bcrypt}"
                + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode(Demo.PASSWORD);
        passwords.createIfAbsent(block.soi(1), bcrypt, false);

        SignIn.as(mvc, block.soi(1));

        var stored = passwords.find(block.soi(1)).orElseThrow().hash();
        assertThat(stored).startsWith("{argon2id}$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(encoder.matches(Demo.PASSWORD, stored)).isTrue();
    }

    @Test
    void pageWhenAnonymousThenSignInAndBackToIt() {
        var first = mvc.get().uri("/").accept(MediaType.TEXT_HTML).exchange();
        assertThat(first).hasStatus3xxRedirection();
        assertThat(first.getResponse().getRedirectedUrl()).endsWith("/login");
        var anonymousSession = first.getResponse().getCookie(SignIn.SESSION_COOKIE);

        var signIn = mvc.post()
                .uri("/login")
                .cookie(anonymousSession)
                .param("username", Demo.CAMILLE)
                .param("password", Demo.PASSWORD)
                .with(csrf())
                .exchange();

        assertThat(signIn).hasStatus3xxRedirection();
        // back to the page, on this site: a path, never an address built from the request's Host header
        assertThat(signIn.getResponse().getRedirectedUrl()).matches("/(\\?continue)?");
    }

    @Test
    void signInThenSessionIdChanges() {
        var anonymous = mvc.get().uri("/login").exchange().getResponse().getCookie(SignIn.SESSION_COOKIE);
        var signIn = mvc.post()
                .uri("/login")
                .cookie(anonymous)
                .param("username", Demo.CAMILLE)
                .param("password", Demo.PASSWORD)
                .with(csrf())
                .exchange();

        var signedIn = signIn.getResponse().getCookie(SignIn.SESSION_COOKIE);
        assertThat(anonymous).isNotNull();
        assertThat(signedIn).isNotNull();
        assertThat(signedIn.getValue()).isNotEqualTo(anonymous.getValue());
    }

    @Test
    void signOutThenOldSessionCookieIsUseless() throws Exception {
        var session = SignIn.as(mvc, Demo.CAMILLE);
        var token = SignIn.csrfToken(mvc, session);

        var signOut =
                mvc.post().uri("/logout").cookie(session).param("_csrf", token).exchange();

        assertThat(signOut).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login?logout");
        assertThat(mvc.get()
                        .uri("/")
                        .cookie(session)
                        .accept(MediaType.TEXT_HTML)
                        .exchange())
                .hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/api/v1/me").cookie(session).exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void signOutWhenGetThenNotSignedOut() {
        var session = SignIn.as(mvc, Demo.CAMILLE);

        mvc.get().uri("/logout").cookie(session).exchange();

        assertThat(mvc.get().uri("/api/v1/me").cookie(session).exchange()).hasStatusOk();
    }

    private static ByteArrayInputStream stream(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }
}
