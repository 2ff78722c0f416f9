package org.guichet.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.guichet.client.ApiClient;
import org.guichet.client.ApiException;
import org.guichet.client.api.HelplineApiControllerApi;
import org.guichet.client.api.MeApiControllerApi;
import org.guichet.client.api.PayslipApiControllerApi;
import org.guichet.client.model.ConversationOpenCommand;
import org.guichet.testing.Agents;
import org.guichet.testing.HttpAgent;
import org.guichet.testing.TestClockConfiguration;
import org.guichet.testing.TestData;
import org.guichet.testing.TestPayslips;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A client of the JSON API generated from its published contract ({@code api/openapi.json}, by the OpenAPI Generator
 * at build time) works against the running Guichet: it reads, writes, and gets the refusals the contract describes.
 * The contract is the code's ({@link ApiContractTests}): neither can drift without a test failing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@Import({TestClockConfiguration.class, Agents.class})
class ApiClientTests {

    @LocalServerPort
    int port;

    @Autowired
    Agents agents;

    @Autowired
    JdbcClient jdbc;

    /** The generated client, with the session and CSRF token of a signed-in browser. */
    private ApiClient client(HttpAgent browser) {
        var cookie = browser.cookieHeader("http://127.0.0.1:" + port + "/");
        var csrf = browser.csrfToken();
        var client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        client.setRequestInterceptor(request -> request.header("Cookie", cookie)
                .header("X-CSRF-TOKEN", csrf)
                .header("X-Forwarded-For", TestData.officeAddress()));
        return client;
    }

    @Test
    void clientWhenGeneratedFromTheContractThenItReadsWritesAndIsRefusedAsDescribed() throws Exception {
        var person = agents.create().build();
        TestPayslips.publish(jdbc, person);
        var browser = new HttpAgent(port, TestData.officeAddress());
        browser.signIn(person.login());
        var client = client(browser);

        var me = new MeApiControllerApi(client).meShowMe();
        assertThat(me.getDisplayName()).isEqualTo(person.fullName());
        assertThat(new PayslipApiControllerApi(client).payslipList()).hasSize(1);

        var helpline = new HelplineApiControllerApi(client);
        var opened = helpline.helplineOpen(new ConversationOpenCommand().message("Mon planning est vide."));
        assertThat(helpline.helplineMine())
                .anySatisfy(conversation ->
                        assertThat(conversation.getId().getValue().toString()).isEqualTo(opened.getId()));

        // someone else's conversation: 404 with the problem details the contract promises
        var stranger = new HttpAgent(port, TestData.officeAddress());
        stranger.signIn(agents.create().build().login());
        var refused = catchThrowableOfType(
                ApiException.class, () -> new HelplineApiControllerApi(client(stranger)).helplineOne(opened.getId()));
        assertThat(refused.getCode()).isEqualTo(404);
        assertThat(refused.getResponseBody()).contains("\"errorCode\":\"CONVERSATION_NOT_FOUND\"");
        // an empty message: 400
        var invalid = catchThrowableOfType(
                ApiException.class, () -> helpline.helplineOpen(new ConversationOpenCommand().message(" ")));
        assertThat(invalid.getCode()).isEqualTo(400);
    }
}
