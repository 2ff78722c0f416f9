package org.guichet.identity.password;

import java.util.Map;
import org.guichet.identity.IdentitySettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/**
 * New passwords are hashed with Argon2id at the configured cost. Hashes carry their algorithm as a prefix ({@code
 * {argon2id}…}), so hashes imported from older systems (bcrypt, PBKDF2) still verify and are replaced by Argon2id at
 * the next successful sign-in, as are Argon2id hashes of a lower cost. Every hash, whatever it is for (passwords,
 * recovery and enrolment codes, client secrets), takes its turn in {@link BoundedHashing}, and Argon2id hashes at the
 * current cost reuse the memory of earlier ones ({@link PooledArgon2id}).
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    static final String ARGON2ID = "argon2id";

    @Bean
    PasswordEncoder passwordEncoder(IdentitySettings settings) {
        var argon2 = settings.argon2();
        var current = new PooledArgon2id(
                16, 32, argon2.parallelism(), argon2.memoryKib(), argon2.iterations(), argon2.permits());
        return new BoundedHashing(
                argon2.permits(),
                new DelegatingPasswordEncoder(
                        ARGON2ID,
                        Map.of(
                                ARGON2ID,
                                current,
                                "argon2@SpringSecurity_v5_8",
                                Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                                "bcrypt",
                                new BCryptPasswordEncoder(),
                                "pbkdf2@SpringSecurity_v5_8",
                                Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8())));
    }
}
