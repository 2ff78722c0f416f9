package org.guichet.notification;

import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.guichet.approval.ApprovalManagement;
import org.guichet.notification.inbox.Inbox;
import org.guichet.platform.DisplayZone;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every morning, managers who chose the digest get one e-mail listing what waits for their decision (instead of one
 * e-mail per request). One node sends each digest, however many run.
 */
@Component
class ApprovalDigest {

    private final Inbox inbox;
    private final ApprovalManagement approvals;
    private final Mails mails;
    private final Clock clock;

    ApprovalDigest(Inbox inbox, ApprovalManagement approvals, Mails mails, Clock clock) {
        this.inbox = inbox;
        this.approvals = approvals;
        this.mails = mails;
        this.clock = clock;
    }

    /** At 7 a.m., by one node: the others, even with a clock a little off, find the digest's turn taken. */
    @Scheduled(cron = "0 0 7 * * *", zone = "Europe/Paris")
    @SchedulerLock(name = "approval-digest", lockAtLeastFor = "PT1H", lockAtMostFor = "PT2H")
    void sendDigestsOnSchedule() {
        sendDigests();
    }

    public void sendDigests() {
        var today = DisplayZone.today(clock);
        for (var manager : inbox.digestReaders()) {
            var waiting = approvals.waitingFor(manager);
            if (waiting.isEmpty() || !inbox.claimDigest(manager, today)) {
                continue;
            }
            mails.send(manager, Mail.APPROVAL_DIGEST, locale -> {
                var lines = new StringBuilder();
                for (var item : waiting) {
                    lines.append("\n- ")
                            .append(mails.say("approval.kind." + item.kind(), locale))
                            .append(" – ")
                            .append(item.requesterName())
                            .append(" (")
                            .append(DisplayZone.DATE.format(DisplayZone.local(item.submittedAt())))
                            .append(')');
                }
                return new Object[] {waiting.size(), lines.toString()};
            });
        }
    }
}
