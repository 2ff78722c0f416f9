package org.guichet.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.guichet.directory.AgentProfile;
import org.guichet.testing.Agents;
import org.guichet.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * An agent read once per web request, and read again after a write (issue 21: seven reads on the home page); the
 * requests through the application's filters are proven by SignInQueryMeasurements' counts and every MockMvc test.
 */
@IntegrationTest
class AgentReadsTests {

    @Autowired
    AgentRepository agents;

    @Autowired
    Agents testAgents;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void endRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void readWhenTwiceInOneRequestThenTheSameAnswerAndAfterAWriteTheNewOne() {
        var person = testAgents.create().build();
        var request = new MockHttpServletRequest();
        request.setAttribute(AgentRepository.READ_IN_REQUEST, new java.util.HashMap<>()); // as AgentReadsPerRequest
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        var first = agents.findBySoi(person.soi()).orElseThrow();
        // changed behind the request's back: the request keeps what it read
        jdbc.sql("UPDATE agent SET job_title = 'Changed' WHERE soi = ?")
                .param(person.soi())
                .update();
        var second = agents.findBySoi(person.soi()).orElseThrow();
        agents.updateMobile(person.soi(), "+33639987766");
        var afterWrite = agents.findBySoi(person.soi()).orElseThrow();

        assertThat(second).isSameAs(first);
        assertThat(afterWrite.mobile()).isEqualTo("+33639987766");
        assertThat(afterWrite.jobTitle()).isEqualTo("Changed");
    }

    @Test
    void readWhenNotInARequestThatPassedTheFilterThenEachReadGoesToTheDatabase() {
        // the test's thread has a mock request of its own (ServletTestExecutionListener), which did not pass the filter
        var person = testAgents.create().build();

        var first = agents.findBySoi(person.soi()).map(AgentProfile::jobTitle).orElseThrow();
        jdbc.sql("UPDATE agent SET job_title = 'Changed' WHERE soi = ?")
                .param(person.soi())
                .update();
        var second = agents.findBySoi(person.soi()).map(AgentProfile::jobTitle).orElseThrow();

        assertThat(second).isEqualTo("Changed").isNotEqualTo(first);
    }
}
