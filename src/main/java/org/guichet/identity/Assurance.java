package org.guichet.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/** How strongly a session was signed in: a password alone, or a password and a second factor. */
public enum Assurance {
    PASSWORD,
    MFA;

    public static Assurance of(@Nullable Authentication authentication) {
        return FactorType.usedIn(authentication).isEmpty() ? PASSWORD : MFA;
    }
}
