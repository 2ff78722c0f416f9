package org.guichet.approval;

import java.time.LocalDate;
import org.guichet.directory.AgentId;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * What is submitted for approval, as the asking module describes it.
 *
 * @param kind what it is, e.g. {@code nomadic-profile}: the asking module recognises its decisions by it, and the
 *     pages name it with the message {@code approval.kind.<kind>}
 * @param subject the asking module's own reference (an SOI, a request number)
 * @param requester who asks
 * @param details what the requester wrote (a reason), shown to the approver as written
 * @param startsOn the first day concerned, if any
 * @param endsOn the last day concerned, if any
 */
public record ApprovalSubject(
        String kind,
        String subject,
        AgentId requester,
        String details,
        @Nullable LocalDate startsOn,
        @Nullable LocalDate endsOn) {

    public ApprovalSubject {
        Assert.hasText(kind, "kind must not be empty");
        Assert.isTrue(kind.length() <= 40, "kind is at most 40 characters");
        Assert.hasText(subject, "subject must not be empty");
        Assert.isTrue(subject.length() <= 64, "subject is at most 64 characters");
        Assert.isTrue(details.length() <= 2000, "details are at most 2,000 characters");
    }
}
