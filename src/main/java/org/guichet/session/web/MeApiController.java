package org.guichet.session.web;

import java.security.Principal;
import java.util.List;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.directory.Role;
import org.guichet.platform.GuichetException;
import org.guichet.platform.PlatformError;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/me}: who is signed in. */
@RestController
class MeApiController {

    private final DirectoryManagement directory;

    MeApiController(DirectoryManagement directory) {
        this.directory = directory;
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
            List<Role> roles) {

        static Me of(AgentProfile agent) {
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
                    agent.roles().stream().sorted().toList());
        }
    }

    @GetMapping("/api/v1/me")
    Me showMe(Principal principal) {
        return directory
                .findById(AgentId.of(principal.getName()))
                .map(Me::of)
                .orElseThrow(() -> new GuichetException(PlatformError.UNAUTHENTICATED));
    }
}
