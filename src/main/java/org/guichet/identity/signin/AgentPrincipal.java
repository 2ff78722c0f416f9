package org.guichet.identity.signin;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in agent. Its name is the SOI, so sessions, events and journals always name an agent the same way,
 * whatever they typed to sign in. Kept in the session: it must stay serializable and small.
 */
public final class AgentPrincipal implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String soi;
    private final String displayName;
    private final boolean active;
    private final boolean passwordChangeRequired;
    private final List<GrantedAuthority> authorities;
    private @Nullable String passwordHash;

    AgentPrincipal(
            String soi,
            String displayName,
            boolean active,
            boolean passwordChangeRequired,
            Collection<? extends GrantedAuthority> authorities,
            @Nullable String passwordHash) {
        this.soi = soi;
        this.displayName = displayName;
        this.active = active;
        this.passwordChangeRequired = passwordChangeRequired;
        this.authorities = List.copyOf(authorities);
        this.passwordHash = passwordHash;
    }

    @Override
    public String getUsername() {
        return soi;
    }

    public String getDisplayName() {
        return displayName;
    }

    public boolean isPasswordChangeRequired() {
        return passwordChangeRequired;
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AgentPrincipal principal && principal.soi.equals(soi);
    }

    @Override
    public int hashCode() {
        return soi.hashCode();
    }

    @Override
    public String toString() {
        return "AgentPrincipal[" + soi + "]";
    }
}
