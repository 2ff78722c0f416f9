package org.guichet.identity;

import java.time.Instant;

/** A lock in force on one of the agent's identifiers, or on their one-time codes, after so many failures. */
public record AccountLock(LockKind kind, int failures, Instant until) {}
