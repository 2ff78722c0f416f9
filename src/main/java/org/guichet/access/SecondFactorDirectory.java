package org.guichet.access;

import org.guichet.directory.AgentId;

/**
 * Whether an agent has a second factor to use, which decides the remedy of {@link AccessDenial#MFA_REQUIRED}
 * (use it, or enrol one). Provided by the identity module, which depends on this one.
 */
public interface SecondFactorDirectory {

    boolean hasSecondFactor(AgentId agent);
}
