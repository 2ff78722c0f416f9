package org.guichet.platform;

/**
 * An event the journal records: every module's events that say what happened to an agent or who did what. The
 * journal reads them by their components' names, so that it depends on no module: {@code agent} (or {@code
 * requester}) is the agent it is about, {@code by} (or {@code decidedBy}, {@code issuedBy}) who did it when not the
 * agent themselves, {@code connection} where from, {@code at} when; every other component is kept as its details.
 */
public interface Journaled {}
