package org.guichet.session;

import jakarta.servlet.http.HttpSession;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The stable key of a signed-in session: a random name it keeps for its whole life, when its id changes (after each
 * factor, as after any change of privilege). Applications the session signs into know it as the {@code sid} of their
 * tokens; the events that end a session carry it.
 */
public final class SessionKeys {

    static final String ATTRIBUTE = "guichet.key";

    private SessionKeys() {}

    /** The session's key, given to it on first use. */
    public static String of(HttpSession session) {
        if (session.getAttribute(ATTRIBUTE) instanceof String key) {
            return key;
        }
        var key = UUID.randomUUID().toString();
        session.setAttribute(ATTRIBUTE, key);
        return key;
    }

    /** The key of a session read from the store; none if it never had one. */
    public static @Nullable String in(org.springframework.session.Session session) {
        return session.getAttribute(ATTRIBUTE) instanceof String key ? key : null;
    }
}
