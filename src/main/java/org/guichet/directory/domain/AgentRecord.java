package org.guichet.directory.domain;

import java.util.Set;
import org.guichet.directory.AgentStatus;
import org.guichet.directory.Role;
import org.jspecify.annotations.Nullable;

/**
 * An agent row as stored: what import compares and writes.
 *
 * @param grantedRoles only roles granted explicitly ({@link Role#GRANTED})
 */
public record AgentRecord(
        String soi,
        String login,
        String email,
        String firstName,
        String lastName,
        String departmentCode,
        @Nullable String managerSoi,
        @Nullable String jobTitle,
        @Nullable String grade,
        java.time.@Nullable LocalDate hiredOn,
        @Nullable String mobile,
        AgentStatus status,
        boolean sensitive,
        Set<Role> grantedRoles) {

    public AgentRecord {
        grantedRoles = Set.copyOf(grantedRoles);
    }
}
