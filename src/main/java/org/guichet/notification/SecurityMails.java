package org.guichet.notification;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.directory.Role;
import org.guichet.identity.AccountLocked;
import org.guichet.identity.FactorAdded;
import org.guichet.identity.FactorRemoved;
import org.guichet.identity.FactorRenamed;
import org.guichet.identity.FactorType;
import org.guichet.identity.MobileNumberChanged;
import org.guichet.identity.PasswordChanged;
import org.guichet.identity.RecoveryCodeUsed;
import org.guichet.identity.SecondFactorsReset;
import org.guichet.identity.SecondStepLocked;
import org.guichet.platform.DisplayZone;
import org.guichet.platform.MessageDelivery;
import org.guichet.platform.OutgoingMessage;
import org.guichet.security.NotMeReported;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * E-mails an agent about their account's security: sign-in suspended after repeated failures, password changed, a
 * verification method added, renamed or removed, a recovery code used, one-time codes locked, the mobile number
 * changed (the former number is also told, by SMS). Each tells them what to do if it was not them. Messages are
 * written in French, then in English.
 */
@Component
class SecurityMails {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Mails mails;
    private final DirectoryManagement directory;
    private final MessageDelivery delivery;
    private final MessageSource messages;

    SecurityMails(Mails mails, DirectoryManagement directory, MessageDelivery delivery, MessageSource messages) {
        this.mails = mails;
        this.directory = directory;
        this.delivery = delivery;
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(AccountLocked event) {
        send(event.agent(), Mail.LOCKED, new Object[] {
            TIME.format(DisplayZone.local(event.until())),
            event.failures(),
            DisplayZone.dateTime(event.at()),
            event.connection().address()
        });
    }

    @ApplicationModuleListener
    void on(PasswordChanged event) {
        send(event.agent(), Mail.PASSWORD_CHANGED, new Object[] {DisplayZone.dateTime(event.at())});
    }

    @ApplicationModuleListener
    void on(FactorAdded event) {
        send(event.agent(), Mail.FACTOR_ADDED, locale -> new Object[] {
            method(event.type(), locale), name(event.type(), event.name(), locale), DisplayZone.dateTime(event.at())
        });
    }

    @ApplicationModuleListener
    void on(FactorRemoved event) {
        send(event.agent(), Mail.FACTOR_REMOVED, locale -> new Object[] {
            method(event.type(), locale), name(event.type(), event.name(), locale), DisplayZone.dateTime(event.at())
        });
    }

    /** The helpdesk reset the agent's factors: told when asked (waiting for a new one) and when done. */
    @ApplicationModuleListener
    void on(SecondFactorsReset event) {
        var mail = !event.completed() ? Mail.FACTORS_RESET_PENDING : Mail.FACTORS_RESET;
        send(event.agent(), mail, new Object[] {DisplayZone.dateTime(event.at()), event.removed()});
    }

    /** The security officers are told of each "this wasn't me" report. */
    @ApplicationModuleListener
    void on(NotMeReported event) {
        var agent = mails.name(event.agent());
        for (var officer : directory.withRole(Role.SECURITY)) {
            send(officer.id(), Mail.SECURITY_CASE_OPENED, new Object[] {agent, DisplayZone.dateTime(event.at())});
        }
    }

    @ApplicationModuleListener
    void on(FactorRenamed event) {
        send(event.agent(), Mail.FACTOR_RENAMED, locale -> new Object[] {
            method(event.type(), locale), event.previousName(), event.name(), DisplayZone.dateTime(event.at())
        });
    }

    @ApplicationModuleListener
    void on(RecoveryCodeUsed event) {
        send(event.agent(), Mail.RECOVERY_CODE_USED, new Object[] {
            DisplayZone.dateTime(event.at()), event.connection().address(), event.remaining()
        });
    }

    @ApplicationModuleListener
    void on(SecondStepLocked event) {
        send(event.agent(), Mail.SECOND_STEP_LOCKED, new Object[] {
            TIME.format(DisplayZone.local(event.until())),
            event.failures(),
            event.connection().address()
        });
    }

    @ApplicationModuleListener
    void on(MobileNumberChanged event) {
        send(event.agent(), Mail.MOBILE_CHANGED, new Object[] {DisplayZone.dateTime(event.at())});
        if (event.previous() != null) {
            var arguments = new Object[] {DisplayZone.dateTime(event.at())};
            delivery.send(OutgoingMessage.sms(
                    event.previous(),
                    messages.getMessage("notification.mobileChanged.sms", arguments, Locale.FRENCH) + " / "
                            + messages.getMessage("notification.mobileChanged.sms", arguments, Locale.ENGLISH)));
        }
    }

    /** A factor's name as the agent gave it; for recovery codes, which have none, "a new set". */
    private String name(FactorType type, String name, Locale locale) {
        return type.signsIn() ? name : messages.getMessage("notification.recoveryCodes", null, locale);
    }

    private String method(FactorType type, Locale locale) {
        return messages.getMessage("mfa.method." + type.name(), null, locale);
    }

    private void send(AgentId id, Mail mail, Object[] arguments) {
        mails.send(id, mail, locale -> arguments);
    }

    private void send(AgentId id, Mail mail, Function<Locale, Object[]> arguments) {
        mails.send(id, mail, arguments);
    }
}
