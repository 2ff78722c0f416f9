package org.guichet.identity.factor;

import java.util.Collection;
import java.util.Set;
import org.guichet.identity.FactorType;

/**
 * The one statement of which factors let an agent sign in and when the last of them may go. A factor signs in when it
 * is usable now and of a kind that {@link org.guichet.identity.FactorType#signsIn signs in}: recovery codes only stand
 * in for a lost factor.
 */
public final class FactorPolicy {

    private FactorPolicy() {}

    public static boolean signsIn(Factor factor) {
        return factor.usable() && factor.type().signsIn();
    }

    /** Whether the agent has a factor to sign in with, from the kinds of factor they can use. */
    public static boolean hasSecondFactor(Set<FactorType> usable) {
        return usable.stream().anyMatch(FactorType::signsIn);
    }

    /** Whether removing this factor leaves the agent without a factor to sign in with (its recovery codes then go). */
    public static boolean isLast(Collection<Factor> factors, Factor factor) {
        return factor.type().signsIn()
                && factors.stream().noneMatch(other -> !other.id().equals(factor.id()) && signsIn(other));
    }

    /**
     * Whether the agent may remove this factor: always, unless a second factor is required of them and it is the
     * last to sign in with, or the recovery codes they still have while no other factor signs in.
     */
    public static boolean mayRemove(Collection<Factor> factors, Factor factor, boolean secondFactorRequired) {
        var othersSignIn = factors.stream().anyMatch(other -> !other.id().equals(factor.id()) && signsIn(other));
        return !secondFactorRequired || othersSignIn || (!factor.type().signsIn() && !factor.usable());
    }
}
