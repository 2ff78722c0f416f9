package org.guichet.identity.password;

import org.guichet.identity.IdentitySettings;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Guichet's password encoder, for benchmarks of other packages. */
public final class PasswordHashingAccess {

    public PasswordEncoder encoder(IdentitySettings settings) {
        return new PasswordHashing().passwordEncoder(settings);
    }
}
