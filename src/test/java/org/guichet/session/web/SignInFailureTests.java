package org.guichet.session.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletException;
import org.guichet.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;

/**
 * A password that could not be checked because the database is away is not a wrong password: the sign-in is handed to
 * the outermost filter, which answers 503 (ClusterTests proves that answer with a real PostgreSQL stopped).
 */
@IntegrationTest
class SignInFailureTests {

    @Autowired
    SignInHandlers handlers;

    @Test
    void failureWhenTheDatabaseIsAwayThenNotAWrongPassword() {
        var request = new MockHttpServletRequest("POST", "/login");
        var response = new MockHttpServletResponse();
        var unreachable = new InternalAuthenticationServiceException(
                "could not check", new CannotGetJdbcConnectionException("Connection refused"));

        assertThatThrownBy(() -> handlers.failure().onAuthenticationFailure(request, response, unreachable))
                .isInstanceOf(ServletException.class)
                .hasCause(unreachable);
        assertThat(response.getRedirectedUrl()).isNull();
    }

    @Test
    void failureWhenThePasswordIsWrongThenBackToTheSignInPage() throws Exception {
        var request = new MockHttpServletRequest("POST", "/login");
        request.setParameter("username", "camille.martin");
        var response = new MockHttpServletResponse();

        handlers.failure().onAuthenticationFailure(request, response, new BadCredentialsException("wrong"));

        assertThat(response.getRedirectedUrl()).isEqualTo("/login?error");
    }
}
