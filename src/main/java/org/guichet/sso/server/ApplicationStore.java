package org.guichet.sso.server;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.guichet.sso.Application;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Repository;

/**
 * The applications, as the authorization server's clients ({@code oauth2_registered_client}, through Spring's
 * {@link JdbcRegisteredClientRepository}). The authorization server sees only the enabled ones: a disabled
 * application is an unknown client at every step.
 */
@Repository
public class ApplicationStore implements RegisteredClientRepository {

    private final JdbcRegisteredClientRepository clients;
    private final JdbcClient jdbc;

    ApplicationStore(JdbcOperations operations, JdbcClient jdbc) {
        this.clients = new JdbcRegisteredClientRepository(operations);
        this.jdbc = jdbc;
    }

    // --- what the authorization server reads

    @Override
    public void save(RegisteredClient registeredClient) {
        clients.save(registeredClient);
    }

    @Override
    public @Nullable RegisteredClient findById(String id) {
        return clients.findById(id);
    }

    @Override
    public @Nullable RegisteredClient findByClientId(String clientId) {
        var client = clients.findByClientId(clientId);
        return client == null || !ClientSettingNames.enabled(client) ? null : client;
    }

    // --- what the administration reads and writes

    /** The application of this client id, enabled or not. */
    public @Nullable RegisteredClient client(String clientId) {
        return clients.findByClientId(clientId);
    }

    /** The redirect URIs of the enabled applications. */
    List<String> redirectUris() {
        return clientIds().stream()
                .map(clients::findByClientId)
                .filter(client -> client != null && ClientSettingNames.enabled(client))
                .flatMap(client -> client.getRedirectUris().stream())
                .toList();
    }

    public List<String> clientIds() {
        return jdbc.sql("SELECT client_id FROM oauth2_registered_client ORDER BY client_id")
                .query(String.class)
                .list();
    }

    /** Stores the application; {@code secretHash} replaces its secret when given (kept otherwise). */
    public void store(Application application, @Nullable String secretHash, Instant now) {
        var existing = clients.findByClientId(application.clientId());
        var builder = existing == null
                ? RegisteredClient.withId(UUID.randomUUID().toString())
                        .clientId(application.clientId())
                        .clientIdIssuedAt(now)
                : RegisteredClient.from(existing);
        if (secretHash != null) {
            builder.clientSecret(secretHash);
        }
        var confidential = application.confidential();
        builder.clientName(application.name())
                .clientAuthenticationMethods(methods -> {
                    methods.clear();
                    if (confidential) {
                        methods.add(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
                        methods.add(ClientAuthenticationMethod.CLIENT_SECRET_POST);
                    } else {
                        methods.add(ClientAuthenticationMethod.NONE);
                    }
                })
                .authorizationGrantTypes(grants -> {
                    grants.clear();
                    grants.add(AuthorizationGrantType.AUTHORIZATION_CODE);
                    // a native app refreshes too, with tokens bound to its key (DPoPBoundRefreshTokens)
                    if (confidential || application.scopes().contains(DPoPBoundRefreshTokens.OFFLINE_ACCESS)) {
                        grants.add(AuthorizationGrantType.REFRESH_TOKEN);
                    }
                })
                .redirectUris(uris -> {
                    uris.clear();
                    uris.addAll(application.redirectUris());
                })
                .postLogoutRedirectUris(uris -> {
                    uris.clear();
                    uris.addAll(application.postLogoutRedirectUris());
                })
                .scopes(scopes -> {
                    scopes.clear();
                    scopes.addAll(application.scopes());
                })
                .clientSettings(settings(application))
                .tokenSettings(TokenSettings.builder()
                        .authorizationCodeTimeToLive(Duration.ofMinutes(2))
                        .accessTokenTimeToLive(application.accessTokenLifetime())
                        .refreshTokenTimeToLive(application.refreshTokenLifetime())
                        .reuseRefreshTokens(false)
                        .build());
        if (!confidential) {
            builder.clientSecret(null);
        }
        clients.save(builder.build());
    }

    private static ClientSettings settings(Application application) {
        var settings = ClientSettings.builder()
                // PKCE for every client, S256 only (the authorization server refuses plain)
                .requireProofKey(true)
                // the administration's own applications: nothing to consent to
                .requireAuthorizationConsent(false)
                .setting(ClientSettingNames.SERVICE, application.serviceId())
                .setting(ClientSettingNames.ENABLED, application.enabled());
        if (application.backChannelLogoutUri() != null) {
            settings.setting(ClientSettingNames.BACK_CHANNEL_LOGOUT_URI, application.backChannelLogoutUri());
        }
        return settings.build();
    }

    /**
     * Stores a resource server (the mail server) with its secret's hash: it authenticates with the secret to ask
     * whether tokens are active, and may do nothing else.
     */
    public void storeResourceServer(String clientId, String name, String secretHash, Instant now) {
        var existing = clients.findByClientId(clientId);
        var builder = existing == null
                ? RegisteredClient.withId(UUID.randomUUID().toString())
                        .clientId(clientId)
                        .clientIdIssuedAt(now)
                : RegisteredClient.from(existing);
        clients.save(builder.clientSecret(secretHash)
                .clientName(name)
                .clientAuthenticationMethods(methods -> {
                    methods.clear();
                    methods.add(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
                })
                // a grant the authorization server never gives it: it asks for no token itself
                .authorizationGrantTypes(grants -> {
                    grants.clear();
                    grants.add(AuthorizationGrantType.CLIENT_CREDENTIALS);
                })
                .redirectUris(Set::clear)
                .postLogoutRedirectUris(Set::clear)
                .scopes(Set::clear)
                .clientSettings(ClientSettings.builder()
                        .requireAuthorizationConsent(false)
                        .setting(ClientSettingNames.RESOURCE_SERVER, true)
                        .setting(ClientSettingNames.ENABLED, true)
                        .build())
                .build());
    }

    /**
     * Whether a client is a native app: public (no secret) and refreshing its tokens, which it may only do bound to
     * its key ({@link PublicClientRefresh}); each of its sign-ins is a device that outlives the browser session.
     */
    public static boolean nativeApp(RegisteredClient client) {
        return client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)
                && client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN);
    }

    /** The scopes of the JSON API, which the mobile app may be given ({@link ApiScopes}). */
    public static Set<String> apiScopes() {
        return ApiScopes.all();
    }

    /** The application as administrators see it. */
    public static Application application(RegisteredClient client) {
        var tokens = client.getTokenSettings();
        var service = ClientSettingNames.service(client);
        return new Application(
                client.getClientId(),
                client.getClientName(),
                service == null ? "" : service,
                !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE),
                List.copyOf(client.getRedirectUris()),
                List.copyOf(client.getPostLogoutRedirectUris()),
                new HashSet<>(client.getScopes()),
                tokens.getAccessTokenTimeToLive(),
                tokens.getRefreshTokenTimeToLive(),
                ClientSettingNames.backChannelLogoutUri(client),
                ClientSettingNames.enabled(client));
    }

    /** Deletes the application and every authorization (token) it was given. */
    public void delete(RegisteredClient client) {
        jdbc.sql("DELETE FROM oauth2_authorization WHERE registered_client_id = ?")
                .param(client.getId())
                .update();
        jdbc.sql("DELETE FROM oauth2_authorization_consent WHERE registered_client_id = ?")
                .param(client.getId())
                .update();
        jdbc.sql("DELETE FROM oauth2_registered_client WHERE id = ?")
                .param(client.getId())
                .update();
    }
}
