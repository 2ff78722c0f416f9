package org.guichet.identity.password;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.Role;
import org.guichet.identity.IdentitySettings;
import org.guichet.identity.PasswordChangeReason;
import org.guichet.identity.PasswordChanged;
import org.guichet.identity.PasswordCheck;
import org.guichet.identity.PasswordProblem;
import org.guichet.identity.PasswordRejectedException;
import org.guichet.identity.PasswordStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Choosing, checking and ageing passwords. */
@Service
public class PasswordService {

    private static final List<Role> EXPIRING_ROLES = List.of(Role.SUPPORT, Role.SECURITY, Role.ADMIN);

    private final PasswordCredentialRepository credentials;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final IdentitySettings.Password settings;
    private final Clock clock;

    private final org.guichet.directory.DirectoryManagement directory;

    PasswordService(
            org.guichet.directory.DirectoryManagement directory,
            PasswordCredentialRepository credentials,
            PasswordPolicy policy,
            PasswordEncoder encoder,
            ApplicationEventPublisher events,
            IdentitySettings settings,
            Clock clock) {
        this.directory = directory;
        this.credentials = credentials;
        this.policy = policy;
        this.encoder = encoder;
        this.events = events;
        this.settings = settings.password();
        this.clock = clock;
    }

    /** What the policy thinks of a candidate, without the reuse check (which needs the hashes). */
    public PasswordCheck check(String candidate, @Nullable AgentProfile agent, Locale locale) {
        return policy.check(candidate, agent, locale);
    }

    /** Whether this is the agent's password: the directory's when it lives there, else Guichet's. */
    public boolean matchesCurrent(AgentProfile agent, String password) {
        var directoryCheck = directory.checkDirectoryPassword(agent.id(), password);
        if (directoryCheck.isPresent()) {
            return directoryCheck.get() == org.guichet.directory.DirectoryPassword.ACCEPTED;
        }
        return credentials
                .find(agent.id().soi())
                .map(credential -> encoder.matches(password, credential.hash()))
                .orElse(false);
    }

    /**
     * Sets a new password if the policy accepts it and it is none of the latest ones, then announces it (which closes
     * the agent's other sessions).
     *
     * @param keptSession the handle of the session to keep open, if any
     * @throws PasswordRejectedException with every reason when refused
     */
    @Transactional
    public void change(
            AgentProfile agent,
            String password,
            PasswordChangeReason reason,
            @Nullable String keptSession,
            Locale locale) {
        if (directory.passwordInDirectory(agent.id())) {
            changeInDirectory(agent, password, reason, keptSession, locale);
            return;
        }
        var problems = new ArrayList<>(policy.check(password, agent, locale).problems());
        if (problems.isEmpty() && isReused(agent, password)) {
            problems.add(PasswordProblem.REUSED);
        }
        if (!problems.isEmpty()) {
            throw new PasswordRejectedException(problems);
        }
        var now = clock.instant();
        credentials.replace(agent.id().soi(), encoder.encode(password), now);
        events.publishEvent(new PasswordChanged(agent.id(), reason, keptSession, now));
    }

    /**
     * A password that lives in the directory: Guichet's policy first, then written there when Guichet is configured to
     * (the directory's own policy may still refuse it, its history among others); else changed there, not here.
     */
    private void changeInDirectory(
            AgentProfile agent,
            String password,
            PasswordChangeReason reason,
            @Nullable String keptSession,
            Locale locale) {
        var problems = policy.check(password, agent, locale).problems();
        if (!problems.isEmpty()) {
            throw new PasswordRejectedException(problems);
        }
        switch (directory.writeDirectoryPassword(agent.id(), password)) {
            case CHANGED -> events.publishEvent(new PasswordChanged(agent.id(), reason, keptSession, clock.instant()));
            case REFUSED -> throw new PasswordRejectedException(List.of(PasswordProblem.DIRECTORY_REFUSED));
            case UNAVAILABLE -> throw new PasswordRejectedException(List.of(PasswordProblem.DIRECTORY_UNAVAILABLE));
            case NOT_WRITTEN -> throw new PasswordRejectedException(List.of(PasswordProblem.IN_DIRECTORY));
        }
    }

    /** Makes the agent choose a new password at their next sign-in. */
    @Transactional
    public boolean requireChange(AgentProfile agent) {
        return credentials.requireChange(agent.id().soi());
    }

    private boolean isReused(AgentProfile agent, String password) {
        var soi = agent.id().soi();
        var latest = new ArrayList<String>();
        credentials.find(soi).ifPresent(credential -> latest.add(credential.hash()));
        latest.addAll(credentials.history(soi, settings.history() - 1));
        return latest.stream().anyMatch(hash -> encoder.matches(password, hash));
    }

    /** Whether the agent must change their password, and when it expires (only for privileged roles). */
    public PasswordStatus status(AgentProfile agent) {
        var credential = credentials.find(agent.id().soi());
        if (credential.isEmpty()) {
            return new PasswordStatus(false, null, false, false);
        }
        var mustChange = credential.get().mustChange();
        if (EXPIRING_ROLES.stream().noneMatch(agent::hasRole)) {
            return new PasswordStatus(mustChange, null, false, false);
        }
        var expiresAt = credential.get().changedAt().plus(settings.privilegedMaxAge());
        var now = clock.instant();
        return new PasswordStatus(
                mustChange,
                expiresAt,
                !now.isBefore(expiresAt),
                !now.isBefore(expiresAt.minus(settings.expiryWarning())));
    }
}
