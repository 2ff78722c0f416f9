package org.guichet.directory;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an agent may do. Every agent is an {@link #AGENT}; {@link #MANAGER} follows from having reports; the others
 * are granted explicitly.
 */
public enum Role {
    AGENT,
    MANAGER,
    HR,
    SUPPORT,
    SECURITY,
    ADMIN;

    /** The roles an administrator grants; the others follow from the organisation. */
    public static final Set<Role> GRANTED = EnumSet.of(HR, SUPPORT, SECURITY, ADMIN);

    public boolean isGranted() {
        return GRANTED.contains(this);
    }
}
