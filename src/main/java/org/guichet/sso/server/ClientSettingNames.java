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

    /**
     * Whether the client is a resource server Guichet reaches on the agent's behalf (the mail server): it only asks
     * whether a token is active ({@code /oauth2/introspect}), signs nobody in, and is not an application
     * administrators manage.
     */
    public static final String RESOURCE_SERVER = "guichet.resource-server";

    private ClientSettingNames() {}

    public static boolean resourceServer(RegisteredClient client) {
        return Boolean.TRUE.equals(client.getClientSettings().getSetting(RESOURCE_SERVER));
    }

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
