package org.guichet.session.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import org.guichet.access.Channel;
import org.guichet.access.ClientConnections;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.directory.Role;
import org.guichet.platform.GuichetException;
import org.guichet.platform.PlatformError;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/me}: who is signed in, and the channel this request comes through. */
@RestController
class MeApiController {

    private final DirectoryManagement directory;
    private final ClientConnections connections;

    MeApiController(DirectoryManagement directory, ClientConnections connections) {
        this.directory = directory;
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
            Channel channel) {

        static Me of(AgentProfile agent, Channel channel) {
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
                    channel);
        }
    }

    @GetMapping("/api/v1/me")
    Me showMe(Principal principal, HttpServletRequest request) {
        var channel = connections.of(request).channel();
        return directory
                .findById(AgentId.of(principal.getName()))
                .map(agent -> Me.of(agent, channel))
                .orElseThrow(() -> new GuichetException(PlatformError.UNAUTHENTICATED));
    }
}
