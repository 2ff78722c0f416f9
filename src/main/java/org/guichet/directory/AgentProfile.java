package org.guichet.directory;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An agent as the directory knows them.
 *
 * @param roles every role, including {@link Role#AGENT} and, for anyone with reports, {@link Role#MANAGER}
 * @param grade the agent's grade ("Technicien principal de 2e classe"), as HR records it
 * @param hiredOn the day the agent joined the administration
 * @param sensitive whether the agent holds a sensitive profile (finance, HR, IT), which tightens sign-in rules
 */
public record AgentProfile(
        AgentId id,
        String login,
        String email,
        String firstName,
        String lastName,
        String departmentCode,
        String departmentName,
        @Nullable AgentId managerId,
        @Nullable String jobTitle,
        @Nullable String grade,
        java.time.@Nullable LocalDate hiredOn,
        @Nullable String mobile,
        AgentStatus status,
        boolean sensitive,
        Set<Role> roles) {

    public AgentProfile {
        roles = Set.copyOf(roles);
    }

    public String displayName() {
        return firstName + " " + lastName;
    }

    public boolean isActive() {
        return status == AgentStatus.ACTIVE;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
