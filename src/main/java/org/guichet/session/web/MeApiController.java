package org.guichet.session.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.Role;
import org.guichet.identity.Assurance;
import org.guichet.identity.FactorType;
import org.guichet.network.Channel;
import org.guichet.network.ClientConnections;
import org.guichet.platform.GuichetException;
import org.guichet.platform.PlatformError;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/me}: who is signed in, the channel this request comes through, how strongly the session was
 * signed in ({@code PASSWORD} or {@code MFA}) and the kinds of second factor the agent has enrolled.
 */
@RestController
class MeApiController {

    private final SignedInAgents agents;
    private final ClientConnections connections;

    MeApiController(SignedInAgents agents, ClientConnections connections) {
        this.agents = agents;
        this.connections = connections;
    }

    record Department(String code, String name) {}

    record Me(
            String soi,
            String login,
            String displayName,
            String firstName,
            String lastName,
            String email,
            Department department,
            @Nullable String jobTitle,
            @Nullable String managerSoi,
            List<Role> roles,
            Channel channel,
            Assurance assurance,
            List<FactorType> factors) {

        static Me of(AgentProfile agent, Channel channel, Assurance assurance, Set<FactorType> factors) {
            return new Me(
                    agent.id().soi(),
                    agent.login(),
                    agent.displayName(),
                    agent.firstName(),
                    agent.lastName(),
                    agent.email(),
                    new Department(agent.departmentCode(), agent.departmentName()),
                    agent.jobTitle(),
                    agent.managerId() == null ? null : agent.managerId().soi(),
                    agent.roles().stream().sorted().toList(),
                    channel,
                    assurance,
                    factors.stream().sorted().toList());
        }
    }

    @GetMapping("/api/v1/me")
    Me showMe(Authentication authentication, HttpServletRequest request) {
        var channel = connections.of(request).channel();
        return agents.find(AgentId.of(authentication.getName()))
                .map(known -> Me.of(known.agent(), channel, FactorType.assurance(authentication), known.factors()))
                .orElseThrow(() -> new GuichetException(PlatformError.UNAUTHENTICATED));
    }
}
