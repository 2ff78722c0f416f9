package org.guichet.platform;

/**
 * An event the journal records: every module's events that say what happened to an agent or who did what. The
 * journal files it under its class's simple name ({@link #typeOf}) and reads it by its components' names, so that it
 * depends on no module: {@code agent} (or {@code requester}) is the agent it is about, {@code by} (or {@code
 * decidedBy}, {@code issuedBy}) who did it when not the agent themselves, {@code connection} where from, {@code at}
 * when; every other component is kept as its details.
 */
public interface Journaled {

    /**
     * Whether the agent it is about sees it in "my activity" (sign-ins and their failures, changes of password and
     * factors); the journal keeps this per type, so that entries written before a change read alike.
     */
    default boolean inMyActivity() {
        return false;
    }

    /** The type the journal files events of this class under; compare entries with it, never with a literal. */
    static String typeOf(Class<? extends Journaled> type) {
        return type.getSimpleName();
    }
}
