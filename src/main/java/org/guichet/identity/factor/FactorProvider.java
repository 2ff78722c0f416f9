package org.guichet.identity.factor;

import java.util.List;
import org.guichet.directory.AgentProfile;
import org.guichet.identity.FactorType;
import org.guichet.network.ClientConnection;
import org.jspecify.annotations.Nullable;

/**
 * One kind of second factor, in the shape of Keycloak's credential providers: what an agent has of it, renaming and
 * removing one, and checking a code typed for it. Each kind is a bean in its own package ({@code
 * identity.factor.<kind>}); {@link Factors} reads them all, and refuses to start when a {@link FactorType} has none.
 */
public interface FactorProvider {

    FactorType type();

    /** The agent's factors of this kind. */
    List<Factor> list(AgentProfile agent);

    /**
     * Whether a factor of this kind that the agent holds can be used now, beyond its being in this kind's table (what
     * {@link Factors#usable} asks once it knows the kinds held in one statement). SMS codes need a verified number;
     * the others are usable once held.
     */
    default boolean usableWhenHeld(AgentProfile agent) {
        return true;
    }

    /** Renames one of them (kinds whose factors have a name only). */
    void rename(AgentProfile agent, Factor factor, String name);

    /** Removes one of them. */
    void remove(AgentProfile agent, Factor factor);

    /**
     * Checks a code the agent typed for this kind, in the transaction of the second step; kinds whose proof is not
     * typed (passkeys, proved through Spring Security) refuse to.
     */
    default Verification verify(AgentProfile agent, String code, ClientConnection connection) {
        throw new UnsupportedOperationException(type() + " codes are not typed");
    }

    /**
     * What became of a typed code.
     *
     * @param codesLeft the recovery codes left after one was used
     * @param needsNewCode whether a code must be sent again (SMS)
     */
    record Verification(CodeCheck check, @Nullable Integer codesLeft, boolean needsNewCode) {

        public static Verification of(CodeCheck check) {
            return new Verification(check, null, false);
        }
    }
}
