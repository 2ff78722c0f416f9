package org.guichet.notification;

import org.guichet.leave.LeaveRequestCancelled;
import org.guichet.leave.LeaveRequestDecided;
import org.guichet.platform.DisplayZone;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Leave: the agent learns the manager's decision (with the comment); the manager learns that leave they approved was
 * cancelled. The manager is asked to decide by the approval mails.
 */
@Component
class LeaveMails {

    private final Mails mails;

    LeaveMails(Mails mails) {
        this.mails = mails;
    }

    @ApplicationModuleListener
    void on(LeaveRequestDecided event) {
        mails.send(event.agent(), Mail.LEAVE_DECIDED, locale -> new Object[] {
            DisplayZone.DATE.format(event.start()),
            DisplayZone.DATE.format(event.end()),
            mails.say(
                    event.approved() ? "notification.leaveDecided.approved" : "notification.leaveDecided.rejected",
                    locale),
            mails.name(event.by()),
            event.comment() == null ? "" : "\n« " + event.comment() + " »"
        });
    }

    @ApplicationModuleListener
    void on(LeaveRequestCancelled event) {
        if (event.manager() != null) {
            mails.send(event.manager(), Mail.LEAVE_CANCELLED, locale -> new Object[] {
                mails.name(event.agent()), DisplayZone.DATE.format(event.start()), DisplayZone.DATE.format(event.end())
            });
        }
    }
}
