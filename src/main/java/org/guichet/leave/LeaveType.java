package org.guichet.leave;

/** The kinds of leave, each with its rule; their names are the messages {@code leave.type.<TYPE>}. */
public enum LeaveType {
    /** "Congés annuels": 25 days a full-time year, prorated; +1 or +2 days for leave taken outside May–October. */
    ANNUAL(true, true),
    /** "Réduction du temps de travail": from the weekly hours of the agent's working-time cycle. */
    RTT(true, true),
    /** "Compte épargne-temps": fed from unused annual leave and RTT, within limits; not tied to a year. */
    CET(true, true),
    TRAINING(false, true),
    /** "Autorisations spéciales d'absence": marriage, birth, bereavement…; the agent says which in the comment. */
    EXCEPTIONAL(false, true),
    /** Sick leave: entered by HR from the medical certificate, never requested in the portal. */
    SICK(false, false);

    private final boolean counted;
    private final boolean requestable;

    LeaveType(boolean counted, boolean requestable) {
        this.counted = counted;
        this.requestable = requestable;
    }

    /** Whether it draws on a balance. */
    public boolean counted() {
        return counted;
    }

    /** Whether agents request it themselves (else only HR enters it). */
    public boolean requestable() {
        return requestable;
    }
}
