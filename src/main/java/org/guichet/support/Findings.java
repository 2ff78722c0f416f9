package org.guichet.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.guichet.access.NomadicProfiles;
import org.guichet.audit.JournalEntry;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.AgentStatus;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.IdentityManagement;
import org.guichet.identity.LockKind;
import org.guichet.identity.SecondFactors;
import org.guichet.identity.SignInError;
import org.guichet.identity.SignInFailed;
import org.guichet.platform.DisplayZone;
import org.guichet.platform.Journaled;
import org.guichet.session.SessionManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Every reason an agent may be blocked right now, each said in words with its remedy, the most blocking first. */
@Component
class Findings {

    private final IdentityManagement identity;
    private final SecondFactors secondFactors;
    private final NomadicProfiles nomadic;
    private final SessionManagement sessions;
    private final MessageSource messages;
    private final DirectoryManagement directory;

    Findings(
            DirectoryManagement directory,
            IdentityManagement identity,
            SecondFactors secondFactors,
            NomadicProfiles nomadic,
            SessionManagement sessions,
            MessageSource messages) {
        this.identity = identity;
        this.secondFactors = secondFactors;
        this.nomadic = nomadic;
        this.sessions = sessions;
        this.messages = messages;
        this.directory = directory;
    }

    List<Finding> of(AgentProfile agent, List<JournalEntry> failures, Locale locale) {
        var found = new ArrayList<Finding>();
        var say = new Sentences(found, locale);
        if (agent.status() == AgentStatus.SUSPENDED) {
            say.add(Finding.Code.SUSPENDED, Finding.Remedy.CONTACT_HR);
        } else if (agent.status() == AgentStatus.DEPARTED) {
            say.add(Finding.Code.DEPARTED, Finding.Remedy.CONTACT_HR);
        }
        for (var lock : identity.locks(agent.id())) {
            var kind = messages.getMessage("support.lockKind." + lock.kind(), null, locale);
            say.add(
                    lock.kind() == LockKind.CODES ? Finding.Code.CODES_LOCKED : Finding.Code.LOCKED,
                    Finding.Remedy.UNLOCK,
                    kind,
                    DisplayZone.dateTime(lock.until()),
                    lock.failures());
        }
        if (directory.passwordInDirectory(agent.id())) {
            var refusedByDirectory = failures.stream()
                    .filter(entry -> entry.type().equals(Journaled.typeOf(SignInFailed.class)))
                    .findFirst()
                    .filter(entry -> SignInError.DIRECTORY_LOCKED
                            .name()
                            .equals(entry.details().get("reason")));
            if (refusedByDirectory.isPresent()) {
                say.add(
                        Finding.Code.DIRECTORY_LOCKED,
                        Finding.Remedy.DIRECTORY,
                        DisplayZone.dateTime(refusedByDirectory.get().at()));
            } else {
                say.add(Finding.Code.DIRECTORY_PASSWORD, Finding.Remedy.DIRECTORY);
            }
        }
        var password = identity.passwordStatus(agent.id());
        if (password.mustChange()) {
            say.add(Finding.Code.FIRST_SIGN_IN_PENDING, Finding.Remedy.SELF_SERVICE_RESET);
        } else if (password.expired() && password.expiresAt() != null) {
            say.add(
                    Finding.Code.PASSWORD_EXPIRED,
                    Finding.Remedy.SELF_SERVICE_RESET,
                    DisplayZone.dateTime(password.expiresAt()));
        } else if (password.warn() && password.expiresAt() != null) {
            say.add(Finding.Code.PASSWORD_EXPIRING, null, DisplayZone.dateTime(password.expiresAt()));
        }
        if (!hasSecondFactor(agent)) {
            say.add(Finding.Code.NO_SECOND_FACTOR, Finding.Remedy.ENROLMENT_CODE);
        }
        if (identity.factorResetPending(agent.id())) {
            say.add(Finding.Code.FACTOR_RESET_PENDING, null);
        }
        var mobile = identity.mobileOnFile(agent.id());
        if (mobile.isEmpty()) {
            say.add(Finding.Code.MOBILE_MISSING, Finding.Remedy.CONTACT_HR);
        } else if (!mobile.get().verified()) {
            say.add(
                    Finding.Code.MOBILE_UNVERIFIED,
                    Finding.Remedy.VERIFY_MOBILE,
                    mobile.get().masked());
        }
        nomadic(agent, say);
        if (sessions.charterPending(agent.id())) {
            say.add(Finding.Code.CHARTER_PENDING, Finding.Remedy.AT_NEXT_SIGN_IN, sessions.charterVersion());
        }
        if (!failures.isEmpty()) {
            say.add(
                    Finding.Code.RECENT_FAILURES,
                    null,
                    failures.size(),
                    DisplayZone.dateTime(failures.getFirst().at()));
        }
        if (found.stream()
                .allMatch(finding -> finding.code() == Finding.Code.NOMADIC_ACTIVE
                        || finding.code() == Finding.Code.NOMADIC_NONE
                        || finding.code() == Finding.Code.PASSWORD_EXPIRING
                        || finding.code() == Finding.Code.DIRECTORY_PASSWORD)) {
            say.add(Finding.Code.NOTHING_BLOCKING, null);
        }
        return found;
    }

    /** Whether the agent has a factor to sign in with (recovery codes aside). */
    boolean hasSecondFactor(AgentProfile agent) {
        return secondFactors.hasSecondFactor(agent.id());
    }

    private void nomadic(AgentProfile agent, Sentences say) {
        var status = nomadic.status(agent.id());
        switch (status.state()) {
            case NONE -> say.add(Finding.Code.NOMADIC_NONE, Finding.Remedy.REQUEST_NOMADIC);
            case REQUESTED ->
                say.add(
                        Finding.Code.NOMADIC_PENDING_MANAGER,
                        Finding.Remedy.ASK_MANAGER,
                        String.valueOf(status.approverName()));
            case APPROVED -> say.add(Finding.Code.NOMADIC_APPROVED, Finding.Remedy.ACTIVATE_NOMADIC);
            case ACTIVE -> say.add(Finding.Code.NOMADIC_ACTIVE, null, String.valueOf(status.validUntil()));
            case REJECTED, EXPIRED, DEACTIVATED ->
                say.add(
                        Finding.Code.NOMADIC_CLOSED,
                        Finding.Remedy.REQUEST_NOMADIC,
                        messages.getMessage(
                                "nomadic.state." + status.state(),
                                null,
                                status.state().name(),
                                say.locale));
        }
    }

    /** Adds findings, each with its sentence from {@code support.finding.<CODE>}. */
    private final class Sentences {

        private final List<Finding> found;
        private final Locale locale;

        Sentences(List<Finding> found, Locale locale) {
            this.found = found;
            this.locale = locale;
        }

        void add(Finding.Code code, Finding.@Nullable Remedy remedy, Object... arguments) {
            found.add(new Finding(code, messages.getMessage("support.finding." + code, arguments, locale), remedy));
        }
    }
}
