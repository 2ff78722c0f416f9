package org.guichet.platform;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A short reference an agent can read to the helpdesk (10 hexadecimal characters), logged or journalled next to what
 * it names: a server failure, a refused access.
 */
public final class SupportReferences {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SupportReferences() {}

    public static String next() {
        var bytes = new byte[5];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
