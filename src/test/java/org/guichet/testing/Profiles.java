package org.guichet.testing;

import java.util.Set;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.AgentStatus;
import org.guichet.directory.Role;

/** Directory profiles for plain unit tests, which need an agent but no database. */
public final class Profiles {

    private Profiles() {}

    /** An agent of the roads department (VOIRIE), with no manager, mobile or grade. */
    public static AgentProfile agent(String firstName, String lastName, AgentStatus status, Set<Role> roles) {
        var login = java.text.Normalizer.normalize(firstName + "." + lastName, java.text.Normalizer.Form.NFD)
                .toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z.]", "");
        return new AgentProfile(
                AgentId.of("1234567"),
                login,
                login + "@ville.example",
                firstName,
                lastName,
                "VOIRIE",
                "Voirie",
                null,
                null,
                null,
                null,
                null,
                status,
                false,
                roles);
    }
}
