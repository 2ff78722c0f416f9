package org.guichet.platform;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An event the journal records: every module's events that say what happened to an agent or who did what. Its
 * methods tell the journal what it is about, who did it, where from and when; the journal files it under its class's
 * simple name ({@link #typeOf}) and keeps its other components as its details. A component that answers one of these
 * methods through an interface extending this one (an agent's id, a connection) is not repeated in the details.
 *
 * <p>Modules give their events these answers by the interfaces of the types they hold: {@code directory}'s {@code
 * AgentJournaled} (the {@code agent} it is about) and {@code ActedJournaled} ({@code by} whom), {@code network}'s
 * {@code ConnectionJournaled} (the {@code connection} it came over); an event of another shape answers itself.
 */
public interface Journaled {

    /** The agent it is about (their SOI), if any. */
    default @Nullable String about() {
        return null;
    }

    /** Who did it (an SOI): by default the agent it is about; {@code null} for Guichet itself. */
    default @Nullable String actor() {
        return about();
    }

    /** Where it came from, when it came over the network. */
    default @Nullable Origin origin() {
        return null;
    }

    /** When it happened; the journal's clock when the event does not say. */
    default @Nullable Instant at() {
        return null;
    }

    /**
     * Whether the agent it is about sees it in "my activity" (sign-ins and their failures, changes of password and
     * factors); the journal keeps this per type, so that entries written before a change read alike.
     */
    default boolean inMyActivity() {
        return false;
    }

    /**
     * Where an event came from.
     *
     * @param channel the channel's name ({@code INTERNAL}, {@code VPN}, {@code NOMADIC})
     */
    record Origin(String address, String channel) {}

    /** The type the journal files events of this class under; compare entries with it, never with a literal. */
    static String typeOf(Class<? extends Journaled> type) {
        return type.getSimpleName();
    }
}
