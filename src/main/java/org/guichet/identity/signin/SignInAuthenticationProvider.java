package org.guichet.identity.signin;

import java.util.List;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.directory.DirectoryPassword;
import org.guichet.identity.PasswordSignIn;
import org.guichet.identity.SignInAttempt;
import org.guichet.identity.SignInError;
import org.guichet.identity.SignInRefusedException;
import org.guichet.identity.password.PasswordCredentialRepository;
import org.guichet.network.Channel;
import org.guichet.network.ClientConnection;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password sign-in with throttling around Spring Security's own password check: the address is checked first, then
 * the lock of the identifier (or of the trusted browser), then the password; every failure counts. A suspended or
 * departed agent is told so only after giving the right password, so the answer reveals nothing to anyone else.
 */
@Component
class SignInAuthenticationProvider implements PasswordSignIn {

    private final DaoAuthenticationProvider passwords;
    private final AgentUserDetailsService accounts;
    private final DirectoryManagement directory;
    private final Lockout lockout;
    private final TrustedDevices devices;
    private final PasswordEncoder encoder;
    private volatile @org.jspecify.annotations.Nullable String timingHash;

    SignInAuthenticationProvider(
            PasswordCredentialRepository credentials,
            PasswordEncoder encoder,
            DirectoryManagement directory,
            Lockout lockout,
            TrustedDevices devices) {
        // Not a bean: see PasswordSignIn
        var agents = new AgentUserDetailsService(directory, credentials);
        this.accounts = agents;
        this.passwords = new DaoAuthenticationProvider(agents);
        this.passwords.setPasswordEncoder(encoder);
        this.passwords.setUserDetailsPasswordService(agents);
        this.passwords.setPreAuthenticationChecks(user -> {});
        this.passwords.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("Account disabled");
            }
        });
        this.directory = directory;
        this.lockout = lockout;
        this.devices = devices;
        this.encoder = encoder;
    }

    @Override
    public UserDetailsService accounts() {
        return accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var attempt = authentication.getDetails() instanceof SignInAttempt known
                ? known
                : new SignInAttempt(new ClientConnection("unknown", Channel.NOMADIC), "", null);
        var connection = attempt.connection();
        var identifier = String.valueOf(authentication.getName());
        var agent = directory.findByIdentifier(identifier).orElse(null);

        var addressBlocked = lockout.addressBlockedUntil(connection.address());
        if (addressBlocked.isPresent()) {
            lockout.recordRefusal(agent, connection, SignInError.TOO_MANY_ATTEMPTS);
            throw new SignInRefusedException(SignInError.TOO_MANY_ATTEMPTS, addressBlocked.get());
        }
        var identifierKey = Lockout.identifierKey(identifier);
        var key = devices.verify(attempt.trustedDeviceToken(), agent)
                .map(Lockout::deviceKey)
                .orElse(identifierKey);
        var lockedUntil = lockout.lockedUntil(key);
        if (lockedUntil.isPresent()) {
            throw refused(lockout.recordFailure(key, agent, connection, SignInError.LOCKED));
        }
        var directoryCheck = agent == null
                ? java.util.Optional.<DirectoryPassword>empty()
                : directory.checkDirectoryPassword(agent.id(), String.valueOf(authentication.getCredentials()));
        if (directoryCheck.isPresent()) {
            // a bind takes milliseconds, Guichet's own check (or its stand-in for an unknown identifier) the time of a
            // hash: the same hash here, so that a quick refusal does not say the identifier is a directory's agent
            encoder.matches(String.valueOf(authentication.getCredentials()), timingHash());
            return byDirectory(directoryCheck.get(), agent, authentication, key, identifierKey, connection);
        }
        try {
            var result = passwords.authenticate(authentication);
            lockout.recordSuccess(List.of(key, identifierKey));
            return result;
        } catch (BadCredentialsException e) {
            throw refused(lockout.recordFailure(key, agent, connection, SignInError.BAD_CREDENTIALS));
        } catch (DisabledException e) {
            lockout.recordRefusal(agent, connection, SignInError.ACCOUNT_DISABLED);
            throw new SignInRefusedException(SignInError.ACCOUNT_DISABLED, null);
        }
    }

    /**
     * The agent's password lives in the administration's directory, which has answered: the same counting and lockout
     * as for Guichet's own passwords (Guichet locks first, so the directory's own lockout is never reached by guesses
     * made here), a lock of the directory's said as such.
     */
    private Authentication byDirectory(
            DirectoryPassword answer,
            AgentProfile agent,
            Authentication authentication,
            String key,
            String identifierKey,
            ClientConnection connection) {
        switch (answer) {
            case ACCEPTED -> {
                if (!agent.isActive()) {
                    lockout.recordRefusal(agent, connection, SignInError.ACCOUNT_DISABLED);
                    throw new SignInRefusedException(SignInError.ACCOUNT_DISABLED, null);
                }
                var user = accounts.directoryPrincipal(agent);
                var result = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
                result.setDetails(authentication.getDetails());
                lockout.recordSuccess(List.of(key, identifierKey));
                return result;
            }
            case REJECTED -> throw refused(lockout.recordFailure(key, agent, connection, SignInError.BAD_CREDENTIALS));
            case LOCKED -> {
                lockout.recordRefusal(agent, connection, SignInError.DIRECTORY_LOCKED);
                throw new SignInRefusedException(SignInError.DIRECTORY_LOCKED, null);
            }
            default -> throw new SignInRefusedException(SignInError.DIRECTORY_UNAVAILABLE, null);
        }
    }

    private String timingHash() {
        var hash = timingHash;
        if (hash == null) {
            hash = encoder.encode(java.util.UUID.randomUUID().toString());
            timingHash = hash;
        }
        return hash;
    }

    private static SignInRefusedException refused(Lockout.Failure failure) {
        return failure.lockedUntil() != null
                ? new SignInRefusedException(SignInError.LOCKED, failure.lockedUntil())
                : new SignInRefusedException(SignInError.BAD_CREDENTIALS, null);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
