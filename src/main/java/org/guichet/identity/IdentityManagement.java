package org.guichet.identity;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.factor.Factors;
import org.guichet.identity.mfa.EnrolmentCodes;
import org.guichet.identity.mfa.FactorReset;
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
    private final EnrolmentCodes enrolmentCodes;
    private final Factors factors;
    private final FactorReset factorReset;

    IdentityManagement(
            DirectoryManagement directory,
            PasswordService passwords,
            TrustedDevices devices,
            Lockout lockout,
            VerifiedMobiles mobiles,
            EnrolmentCodes enrolmentCodes,
            Factors factors,
            FactorReset factorReset) {
        this.directory = directory;
        this.passwords = passwords;
        this.devices = devices;
        this.lockout = lockout;
        this.mobiles = mobiles;
        this.enrolmentCodes = enrolmentCodes;
        this.factors = factors;
        this.factorReset = factorReset;
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

    /** Lifts every lock on the agent's identifiers and codes (the helpdesk's unlock); tells whether one was locked. */
    public boolean unlock(AgentId agent, AgentId by, String reason) {
        return directory
                .findById(agent)
                .map(profile -> lockout.unlock(profile, by, reason))
                .orElse(false);
    }

    /**
     * Resets the agent's second factors for the helpdesk: at once when declared lost, else once the agent enrolled a
     * new one. Returns how many were removed now.
     */
    public int resetSecondFactors(AgentId agent, AgentId by, boolean lost) {
        return directory
                .findById(agent)
                .map(profile -> factorReset.reset(profile, by, lost))
                .orElse(0);
    }

    /** Whether a reset of the agent's factors waits for them to enrol a new one. */
    public boolean factorResetPending(AgentId agent) {
        return factorReset.pending(agent);
    }

    /** The lockout rules in force (the configuration's, or an administrator's). */
    public IdentitySettings.Lockout lockoutRules() {
        return lockout.settings();
    }

    /**
     * Sets the lockout rules on every node, checked by the constraints of their configuration and with the longest
     * lock no shorter than the first; else refused.
     */
    public void changeLockout(IdentitySettings.Lockout rules, String by) {
        lockout.changeRules(rules, by);
    }

    /** The locks in force on the agent now, each with the failures that caused it and its end. */
    public List<AccountLock> locks(AgentId agent) {
        return directory.findById(agent).map(lockout::locks).orElse(List.of());
    }

    /**
     * Issues an enrolment code for the agent (the former one stops working), to be read out to them once.
     *
     * @param by who issues it, as the journal names them
     */
    public EnrolmentCode issueEnrolmentCode(AgentId agent, String by) {
        var issued = enrolmentCodes.issue(agent, by);
        return new EnrolmentCode(issued.code(), issued.expiresAt());
    }

    /** Makes the agent choose a new password at their next sign-in (after "this wasn't me"). */
    public boolean requirePasswordChange(AgentId agent) {
        return directory.findById(agent).map(passwords::requireChange).orElse(false);
    }

    /** The agent's verification methods, as the agent sees them on their own page. */
    public List<FactorSummary> factors(AgentId agent) {
        return directory.findById(agent).map(factors::list).orElse(List.of()).stream()
                .map(factor -> new FactorSummary(
                        factor.type(), factor.name(), factor.addedAt(), factor.lastUsedAt(), factor.usable()))
                .toList();
    }
}
