package org.guichet.schedule;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.platform.Journaled;

/** Someone imported a file of shifts. */
public record ShiftsImported(String fileName, int shifts, AgentId by, Instant at) implements Journaled {}
