package org.guichet.schedule;

import java.time.Instant;
import org.guichet.directory.ActedJournaled;
import org.guichet.directory.AgentId;

/** Someone imported a file of shifts. */
public record ShiftsImported(String fileName, int shifts, AgentId by, Instant at) implements ActedJournaled {}
