package org.guichet.platform.web;

import java.security.SecureRandom;
import java.util.HexFormat;

/** A short reference an agent can read to the helpdesk, logged next to the failure it names. */
final class ErrorReference {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ErrorReference() {}

    static String next() {
        var bytes = new byte[5];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
