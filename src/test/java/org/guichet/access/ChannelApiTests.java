package org.guichet.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.guichet.testing.Demo;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.SignIn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class ChannelApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @ParameterizedTest
    @CsvSource({"10.1.2.3, INTERNAL", "10.200.0.5, VPN", "203.0.113.7, NOMADIC"})
    void meWhenRequestComesThroughTheProxyThenItsChannel(String address, String channel) {
        var session = SignIn.withTotp(mvc, jdbc, clock, Demo.CAMILLE);

        var me = mvc.get()
                .uri("/api/v1/me")
                .cookie(session)
                .with(SignIn.from(address))
                .exchange();

        assertThat(me).hasStatusOk().bodyJson().extractingPath("$.channel").isEqualTo(channel);
    }

    @ParameterizedTest
    @CsvSource({"10.200.0.5", "203.0.113.7"})
    void meWhenOfficeSessionCarriedOutsideThenSecondFactorAskedFirst(String address) {
        var officeSession = SignIn.as(mvc, Demo.CAMILLE);

        var me = mvc.get()
                .uri("/api/v1/me")
                .cookie(officeSession)
                .with(SignIn.from(address))
                .exchange();

        assertThat(me).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(me).bodyJson().extractingPath("$.next").isEqualTo("/sign-in/second-factor");
    }
}
