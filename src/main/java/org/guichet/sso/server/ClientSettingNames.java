package org.guichet.sso.server;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/** What Guichet keeps of an application in its client's settings, besides what the authorization server reads. */
public final class ClientSettingNames {

    /** The service of the catalogue the application belongs to. */
    public static final String SERVICE = "guichet.service";
    /** Whether the application may sign agents in now. */
    public static final String ENABLED = "guichet.enabled";
    /** Where Guichet sends the application's back-channel logout tokens. */
    public static final String BACK_CHANNEL_LOGOUT_URI = "guichet.backchannel-logout-uri";

    private ClientSettingNames() {}

    public static @Nullable String service(RegisteredClient client) {
        return client.getClientSettings().getSetting(SERVICE);
    }

    public static boolean enabled(RegisteredClient client) {
        return !Boolean.FALSE.equals(client.getClientSettings().getSetting(ENABLED));
    }

    public static @Nullable String backChannelLogoutUri(RegisteredClient client) {
        return client.getClientSettings().getSetting(BACK_CHANNEL_LOGOUT_URI);
    }
}
