package org.guichet.platform;

/**
 * Names a session without revealing its id (which is a bearer secret): a hash, safe to show in pages, events and
 * journals, and to match against a session's id.
 */
public final class SessionHandles {

    private SessionHandles() {}

    public static String of(String sessionId) {
        return Digests.sha256Hex(sessionId).substring(0, 32);
    }
}
