package org.guichet.identity;

import java.time.Duration;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.password.PasswordService;
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

    IdentityManagement(
            DirectoryManagement directory, PasswordService passwords, TrustedDevices devices, Lockout lockout) {
        this.directory = directory;
        this.passwords = passwords;
        this.devices = devices;
        this.lockout = lockout;
    }

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
