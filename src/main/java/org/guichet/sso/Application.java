package org.guichet.sso;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An application that signs agents in through Guichet (an OpenID Connect client), as administrators see it.
 *
 * @param clientId its identifier ({@code gis}), which it sends at every step
 * @param name what agents and administrators call it
 * @param serviceId the service of the catalogue it belongs to: the access policy decides for it at every sign-in
 * @param confidential whether it authenticates with a secret (a server-side application); public ones (a mobile app,
 *     a single-page application) prove themselves with PKCE alone and get no refresh token
 * @param redirectUris where Guichet may send the agent back with a code: exactly these, compared character by
 *     character
 * @param postLogoutRedirectUris where an application-initiated sign-out may send the agent back
 * @param scopes the scopes it may ask for ({@code openid} always, {@code profile}, {@code email}, {@code roles})
 * @param accessTokenLifetime how long its access tokens live
 * @param refreshTokenLifetime how long its refresh tokens live (each is replaced at use)
 * @param backChannelLogoutUri where Guichet tells it that a session it signed in from has ended; none: it is not told
 * @param enabled whether it may sign agents in now
 */
public record Application(
        String clientId,
        String name,
        String serviceId,
        boolean confidential,
        List<String> redirectUris,
        List<String> postLogoutRedirectUris,
        Set<String> scopes,
        Duration accessTokenLifetime,
        Duration refreshTokenLifetime,
        @Nullable String backChannelLogoutUri,
        boolean enabled) {

    public Application {
        redirectUris = List.copyOf(redirectUris);
        postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
        scopes = Set.copyOf(scopes);
    }

    /** This application, enabled or disabled. */
    public Application withEnabled(boolean enabled) {
        return new Application(
                clientId,
                name,
                serviceId,
                confidential,
                redirectUris,
                postLogoutRedirectUris,
                scopes,
                accessTokenLifetime,
                refreshTokenLifetime,
                backChannelLogoutUri,
                enabled);
    }
}
