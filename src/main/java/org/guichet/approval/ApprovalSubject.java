package org.guichet.approval;

import java.time.LocalDate;
import org.guichet.directory.AgentId;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * What is submitted for approval, as the asking module describes it.
 *
 * @param kind what it is: the asking module's {@link ApprovalHandler} of this kind moves the subject on
 * @param subject the asking module's own reference (an SOI, a request number)
 * @param requester who asks
 * @param details what the requester wrote (a reason), shown to the approver as written
 * @param startsOn the first day concerned, if any
 * @param endsOn the last day concerned, if any
 */
public record ApprovalSubject(
        ApprovalKind kind,
        String subject,
        AgentId requester,
        String details,
        @Nullable LocalDate startsOn,
        @Nullable LocalDate endsOn) {

    public ApprovalSubject {
        Assert.notNull(kind, "kind must not be null");
        Assert.hasText(subject, "subject must not be empty");
        Assert.isTrue(subject.length() <= 64, "subject is at most 64 characters");
        Assert.isTrue(details.length() <= 2000, "details are at most 2,000 characters");
    }
}
