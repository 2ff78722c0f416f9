package org.guichet.notification;

import java.time.format.DateTimeFormatter;
import org.guichet.access.NomadicProfileActivated;
import org.guichet.access.NomadicProfileApproved;
import org.guichet.access.NomadicProfileDeactivated;
import org.guichet.access.NomadicProfileExpired;
import org.guichet.access.NomadicProfileRejected;
import org.guichet.access.NomadicProfileRenewed;
import org.guichet.approval.ApprovalEscalated;
import org.guichet.approval.ApprovalOverdue;
import org.guichet.approval.ApprovalRequested;
import org.guichet.platform.DisplayZone;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * E-mails about approvals and remote access: the approver when an item waits for them (then a reminder, and the next
 * manager when it goes up); the agent at each step of their remote access (approved, rejected with the comment,
 * active, confirmed, ended, withdrawn).
 */
@Component
class AccessMails {

    private static final DateTimeFormatter DAY = DisplayZone.DATE;

    private final Mails mails;

    AccessMails(Mails mails) {
        this.mails = mails;
    }

    @ApplicationModuleListener
    void on(ApprovalRequested event) {
        mails.send(event.approver(), Mail.APPROVAL_REQUESTED, locale ->
                new Object[] {mails.name(event.requester()), mails.say("approval.kind." + event.kind(), locale)});
    }

    @ApplicationModuleListener
    void on(ApprovalOverdue event) {
        mails.send(event.approver(), Mail.APPROVAL_OVERDUE, locale -> new Object[] {
            mails.name(event.requester()),
            mails.say("approval.kind." + event.kind(), locale),
            DAY.format(DisplayZone.local(event.waitingSince()))
        });
    }

    @ApplicationModuleListener
    void on(ApprovalEscalated event) {
        mails.send(event.to(), Mail.APPROVAL_ESCALATED, locale -> new Object[] {
            mails.name(event.requester()), mails.say("approval.kind." + event.kind(), locale), mails.name(event.from())
        });
    }

    @ApplicationModuleListener
    void on(NomadicProfileApproved event) {
        mails.send(event.agent(), Mail.NOMADIC_APPROVED, locale ->
                new Object[] {mails.name(event.by()), comment(event.comment(), locale)});
    }

    @ApplicationModuleListener
    void on(NomadicProfileRejected event) {
        mails.send(event.agent(), Mail.NOMADIC_REJECTED, locale ->
                new Object[] {mails.name(event.by()), event.comment() == null ? "" : event.comment()});
    }

    @ApplicationModuleListener
    void on(NomadicProfileActivated event) {
        mails.send(event.agent(), Mail.NOMADIC_ACTIVATED, locale -> new Object[] {DAY.format(event.validUntil())});
    }

    @ApplicationModuleListener
    void on(NomadicProfileRenewed event) {
        mails.send(event.agent(), Mail.NOMADIC_RENEWED, locale -> new Object[] {DAY.format(event.validUntil())});
    }

    @ApplicationModuleListener
    void on(NomadicProfileExpired event) {
        mails.send(event.agent(), Mail.NOMADIC_EXPIRED, locale -> new Object[] {});
    }

    @ApplicationModuleListener
    void on(NomadicProfileDeactivated event) {
        mails.send(event.agent(), Mail.NOMADIC_DEACTIVATED, locale -> new Object[] {});
    }

    private String comment(@Nullable String comment, java.util.Locale locale) {
        return comment == null ? "" : mails.say("notification.comment", locale, comment);
    }
}
