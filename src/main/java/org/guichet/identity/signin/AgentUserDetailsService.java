package org.guichet.identity.signin;

import java.util.ArrayList;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.SecondFactors;
import org.guichet.identity.password.PasswordCredentialRepository;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.util.Assert;

/**
 * Finds the agent behind what was typed in the identifier field (SOI, login or e-mail) for Spring Security's
 * password check, and stores the stronger hash it computes when the stored one is outdated.
 *
 * <p>An unknown identifier and an agent without a password are answered alike; Spring Security then spends the same
 * hashing time as for a real check, so neither the answer nor its delay tells whether the agent exists. Made by
 * {@link SignInAuthenticationProvider}, the only password check there is.
 */
final class AgentUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final DirectoryManagement directory;
    private final PasswordCredentialRepository passwords;

    AgentUserDetailsService(DirectoryManagement directory, PasswordCredentialRepository passwords) {
        Assert.notNull(directory, "directory must not be null");
        Assert.notNull(passwords, "passwords must not be null");
        this.directory = directory;
        this.passwords = passwords;
    }

    @Override
    public UserDetails loadUserByUsername(String identifier) {
        var agent = directory.findByIdentifier(identifier).orElseThrow(() -> unknown());
        var credential = passwords.find(agent.id().soi()).orElseThrow(() -> unknown());
        return principal(agent, credential.hash(), credential.mustChange());
    }

    /** The agent as signed in with the password of the administration's directory (Guichet holds none for them). */
    AgentPrincipal directoryPrincipal(AgentProfile agent) {
        return principal(agent, "", false);
    }

    @Override
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        passwords.rehash(user.getUsername(), newPassword);
        var agent = directory.findByIdentifier(user.getUsername()).orElseThrow(() -> unknown());
        var principal = (AgentPrincipal) user;
        return principal(agent, newPassword, principal.isPasswordChangeRequired());
    }

    private static AgentPrincipal principal(AgentProfile agent, String hash, boolean mustChange) {
        var authorities = new ArrayList<GrantedAuthority>();
        agent.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
        if (agent.sensitive()) {
            authorities.add(new SimpleGrantedAuthority(SecondFactors.SENSITIVE_PROFILE));
        }
        return new AgentPrincipal(
                agent.id().soi(), agent.displayName(), agent.isActive(), mustChange, authorities, hash);
    }

    private static UsernameNotFoundException unknown() {
        return new UsernameNotFoundException("Bad credentials");
    }
}
