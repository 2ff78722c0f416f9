package org.guichet.notification;

import org.guichet.directory.DirectoryManagement;
import org.guichet.directory.Role;
import org.guichet.request.RequestAwaitingHr;
import org.guichet.request.RequestCompleted;
import org.guichet.request.RequestInformationRequested;
import org.guichet.request.RequestRejected;
import org.guichet.request.RequestStepApproved;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Administrative requests: the agent learns each approval (with the step and who), a rejection with its reason, and
 * the completion. Who decides next is told by the approval mails (the manager) or sees HR's queue.
 */
@Component
class RequestMails {

    private final Mails mails;
    private final DirectoryManagement directory;

    RequestMails(Mails mails, DirectoryManagement directory) {
        this.mails = mails;
        this.directory = directory;
    }

    /** Everyone in HR learns that a request reached their queue. */
    @ApplicationModuleListener
    void on(RequestAwaitingHr event) {
        for (var hr : directory.withRole(Role.HR)) {
            if (!hr.id().equals(event.agent())) {
                mails.send(hr.id(), Mail.REQUEST_FOR_HR, locale -> new Object[] {mails.name(event.agent())});
            }
        }
    }

    @ApplicationModuleListener
    void on(RequestStepApproved event) {
        mails.send(event.agent(), Mail.REQUEST_APPROVED, locale ->
                new Object[] {mails.say("request.step.name." + event.step().name(), locale), mails.name(event.by())});
    }

    @ApplicationModuleListener
    void on(RequestRejected event) {
        mails.send(event.agent(), Mail.REQUEST_REJECTED, locale -> new Object[] {
            mails.say("request.step.name." + event.step().name(), locale), mails.name(event.by()), event.comment()
        });
    }

    @ApplicationModuleListener
    void on(RequestInformationRequested event) {
        mails.send(event.agent(), Mail.REQUEST_INFORMATION, locale ->
                new Object[] {mails.name(event.by()), event.comment()});
    }

    @ApplicationModuleListener
    void on(RequestCompleted event) {
        mails.send(event.agent(), Mail.REQUEST_COMPLETED, locale -> new Object[] {});
    }
}
