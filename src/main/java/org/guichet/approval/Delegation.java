package org.guichet.approval;

import java.time.LocalDate;
import java.util.UUID;
import org.guichet.directory.AgentId;

/** A delegation: {@code delegate} decides for {@code delegator} from {@code startsOn} to {@code endsOn} included. */
public record Delegation(
        UUID id, AgentId delegator, AgentId delegate, String delegateName, LocalDate startsOn, LocalDate endsOn) {}
