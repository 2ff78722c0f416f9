package org.guichet.identity;

import java.time.Duration;
import java.util.Optional;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.password.PasswordService;
import org.guichet.identity.password.VerifiedMobiles;
import org.guichet.identity.reset.Masking;
import org.guichet.identity.signin.Lockout;
import org.guichet.identity.signin.TrustedDevices;
import org.springframework.stereotype.Service;

/** What other modules may ask of identity. */
@Service
public class IdentityManagement {

    private final DirectoryManagement directory;
    private final PasswordService passwords;
    private final TrustedDevices devices;
    private final Lockout lockout;
    private final VerifiedMobiles mobiles;

    IdentityManagement(
            DirectoryManagement directory,
            PasswordService passwords,
            TrustedDevices devices,
            Lockout lockout,
            VerifiedMobiles mobiles) {
        this.directory = directory;
        this.passwords = passwords;
        this.devices = devices;
        this.lockout = lockout;
        this.mobiles = mobiles;
    }

    /**
     * The agent's mobile number as a person may see it ({@code +33 6 •• •• •• 08}), and whether the agent proved they
     * hold it; empty when none is on file.
     */
    public Optional<MobileOnFile> mobileOnFile(AgentId agent) {
        return directory.findById(agent).flatMap(profile -> {
            if (profile.mobile() == null) {
                return Optional.empty();
            }
            var verified = mobiles.of(profile).isPresent();
            return Optional.of(new MobileOnFile(Masking.mobile(profile.mobile()), verified));
        });
    }

    /** A mobile number on file, masked, and whether it was verified by a code. */
    public record MobileOnFile(String masked, boolean verified) {}

    /** Whether the agent must choose a new password, and when it expires. */
    public PasswordStatus passwordStatus(AgentId agent) {
        return directory.findById(agent).map(passwords::status).orElse(new PasswordStatus(false, null, false, false));
    }

    /** A token for the browser the agent just signed in from, which keeps it from being locked out by others. */
    public String trustBrowser(AgentId agent) {
        return devices.issue(agent.soi());
    }

    public Duration trustedBrowserLifetime() {
        return devices.lifetime();
    }

    /** Lifts every lock on the agent's identifiers (the helpdesk's unlock); tells whether one was locked. */
    public boolean unlock(AgentId agent) {
        return directory.findById(agent).map(lockout::unlock).orElse(false);
    }
}
