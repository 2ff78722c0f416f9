package org.guichet.session.sessions;

/** What Guichet keeps in each signed-in session to describe it in "my sessions". */
public final class SessionAttributes {

    public static final String SIGNED_IN_AT = "guichet.signedInAt";
    public static final String ADDRESS = "guichet.address";
    public static final String CHANNEL = "guichet.channel";
    public static final String BROWSER = "guichet.browser";
    public static final String SYSTEM = "guichet.system";

    private SessionAttributes() {}
}
