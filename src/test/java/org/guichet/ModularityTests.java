package org.guichet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure holds: each module uses only the API of the modules it declares. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(GuichetApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void modulesAreTheOnesTheArchitectureNames() {
        assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
                .containsExactlyInAnyOrder(
                        "platform",
                        "network",
                        "directory",
                        "identity",
                        "session",
                        "access",
                        "approval",
                        "audit",
                        "leave",
                        "payslip",
                        "request",
                        "schedule",
                        "notification",
                        "security",
                        "support",
                        "admin",
                        "portal",
                        "sso",
                        "messaging",
                        "edge",
                        "helpline",
                        "provisioning");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
