package org.guichet.identity.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Argon2InliningTests {

    @Test
    void theJvmHoldsTheDirectiveOnceAnEncoderExists() throws Exception {
        new PooledArgon2id(16, 32, 1, 19456, 2, 1);

        assertThat(Argon2Inlining.request()).isTrue();
        var directives = String.valueOf(
                Argon2Inlining.diagnosticCommand("compilerDirectivesPrint", new Object[] {new String[0]}));
        var generator = "org/bouncycastle/crypto/generators/Argon2BytesGenerator";
        assertThat(directives)
                .contains("matching: " + generator + "$FillBlock.applyBlake")
                .contains("+" + generator + ".G")
                .contains("+" + generator + ".roundFunction")
                .contains("+" + generator + ".access*");
    }

    @Test
    void aSecondRequestAddsNothing() throws Exception {
        Argon2Inlining.request();
        Argon2Inlining.request();

        var directives = String.valueOf(
                Argon2Inlining.diagnosticCommand("compilerDirectivesPrint", new Object[] {new String[0]}));
        assertThat(directives.split("FillBlock.applyBlake", -1)).hasSize(2);
    }
}
