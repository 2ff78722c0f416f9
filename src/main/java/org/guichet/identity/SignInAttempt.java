package org.guichet.identity;

import java.io.Serial;
import java.io.Serializable;
import org.guichet.network.ClientConnection;
import org.jspecify.annotations.Nullable;

/**
 * Where a sign-in comes from: the client, its browser, and the trusted-browser token it presented (never kept with
 * the session). Spring Security carries it as the authentication's details.
 */
public final class SignInAttempt implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ClientConnection connection;
    private final String device;
    private final transient @Nullable String trustedDeviceToken;

    public SignInAttempt(ClientConnection connection, String device, @Nullable String trustedDeviceToken) {
        this.connection = connection;
        this.device = device;
        this.trustedDeviceToken = trustedDeviceToken;
    }

    public ClientConnection connection() {
        return connection;
    }

    /** The browser and system, as people name them: "Firefox sur Windows". */
    public String device() {
        return device;
    }

    public @Nullable String trustedDeviceToken() {
        return trustedDeviceToken;
    }
}
