package org.guichet.approval;

import java.time.LocalDate;
import org.guichet.directory.AgentId;
import org.guichet.platform.Journaled;

/** A manager lets another decide in their place from one day to another (both included). */
public record DelegationGranted(AgentId delegator, AgentId delegate, LocalDate startsOn, LocalDate endsOn)
        implements Journaled {}
