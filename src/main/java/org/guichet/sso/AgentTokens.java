package org.guichet.sso;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.guichet.directory.AgentId;
import org.guichet.network.ClientConnection;
import org.guichet.platform.TransactionalEvents;
import org.guichet.sso.server.ApplicationStore;
import org.guichet.sso.server.ClientSettingNames;
import org.guichet.sso.server.SsoSessionRepository;
import org.guichet.sso.server.TrackedAuthorizations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Access tokens Guichet's own authorization server gives Guichet for a server it reaches on the agent's behalf (the
 * mail server, which checks them at {@code /oauth2/introspect}): each one is an authorization of that resource
 * server's, tied to the agent's session like an application's sign-in, so that whatever ends the session (sign-out,
 * the helpdesk, a suspension…) or revokes the token makes the server refuse it at its next check.
 */
@Service
@ConditionalOnWebApplication
public class AgentTokens {

    /** How Guichet gives itself tokens for the agent: no client ever asks for this grant. */
    static final AuthorizationGrantType ON_BEHALF = new AuthorizationGrantType("urn:guichet:grant-type:on-behalf");

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** A token and the moment it stops being accepted. */
    public record Issued(String value, Instant expiresAt) {}

    private final ApplicationStore clients;
    private final TrackedAuthorizations authorizations;
    private final SsoSessionRepository sessions;
    private final PasswordEncoder secrets;
    private final SsoSettings settings;
    private final TransactionalEvents events;
    private final String publicUrl;
    private final Clock clock;

    AgentTokens(
            ApplicationStore clients,
            TrackedAuthorizations authorizations,
            SsoSessionRepository sessions,
            PasswordEncoder secrets,
            SsoSettings settings,
            TransactionalEvents events,
            @Value("${guichet.public-url}") String publicUrl,
            Clock clock) {
        this.clients = clients;
        this.authorizations = authorizations;
        this.sessions = sessions;
        this.secrets = secrets;
        this.settings = settings;
        this.events = events;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /**
     * Registers the resource server with the secret it asks with (from configuration), or gives it that secret when it
     * had another; nothing changes when it already has it.
     */
    @Transactional
    public void resourceServer(String clientId, String name, String secret) {
        var existing = clients.client(clientId);
        if (existing != null && !ClientSettingNames.resourceServer(existing)) {
            throw new IllegalStateException(
                    "The client id " + clientId + " is an application's: choose another one for the mail server");
        }
        if (existing == null
                || existing.getClientSecret() == null
                || !secrets.matches(secret, existing.getClientSecret())) {
            clients.storeResourceServer(clientId, name, secrets.encode(secret), clock.instant());
        }
    }

    /**
     * A token for the resource server, for this agent and session: an opaque reference of {@code lifetime}, whose
     * introspection says its audience (the resource server), {@code username} (the name the server knows the agent
     * by) and {@code sub} (the SOI); active until it expires, is revoked, or the session ends.
     */
    @Transactional
    public Issued issue(
            String resourceServer,
            AgentId agent,
            String sessionKey,
            ClientConnection connection,
            String username,
            Set<String> scopes,
            Duration lifetime) {
        var client = clients.findByClientId(resourceServer);
        if (client == null || !ClientSettingNames.resourceServer(client)) {
            throw new IllegalStateException("No resource server " + resourceServer + " is registered");
        }
        var now = clock.instant();
        var expires = now.plus(lifetime);
        var issuer = settings.issuer().isBlank() ? publicUrl : settings.issuer().strip();
        // a reference token: what it stands for is only in Guichet's database, which the server asks (RFC 7662); short
        // enough for one SMTP command line (a signed JWT is not: Dovecot's submission server refuses the line)
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        var value = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var claims = new java.util.LinkedHashMap<String, Object>();
        claims.put("iss", issuer);
        claims.put("sub", agent.soi());
        claims.put("aud", java.util.Collections.singletonList(resourceServer));
        claims.put("iat", now);
        claims.put("exp", expires);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("username", username);
        claims.put("scope", String.join(" ", scopes));
        claims.put("channel", connection.channel().name().toLowerCase(java.util.Locale.ROOT));
        var token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, value, now, expires, scopes);
        var authorization = OAuth2Authorization.withRegisteredClient(client)
                .id(UUID.randomUUID().toString())
                .principalName(agent.soi())
                .authorizationGrantType(ON_BEHALF)
                .authorizedScopes(scopes)
                .token(token, metadata -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, claims))
                .build();
        var first = !sessions.applicationsOf(sessionKey).containsKey(client.getId());
        authorizations.save(authorization);
        sessions.signedIn(
                authorization.getId(), sessionKey, agent.soi(), client.getId(), connection.channel(), issuer, now);
        if (first) {
            // the session's first token for this server: its sign-in, in the journal and in "my activity"
            events.publish(new ApplicationSignedIn(agent, resourceServer, client.getClientName(), connection, now));
        }
        return new Issued(value, expires);
    }

    /**
     * The token this session already holds for the resource server, when it is still active and good until {@code
     * until} at least; empty otherwise (none yet, revoked, or about to expire: ask for a new one). Read from the
     * authorizations, not from the HTTP session, so that two requests of one session never race to store one.
     */
    public java.util.Optional<Issued> held(String resourceServer, String sessionKey, Instant until) {
        var client = clients.findByClientId(resourceServer);
        if (client == null) {
            return java.util.Optional.empty();
        }
        var origins = sessions.ofSession(sessionKey);
        for (int i = origins.size() - 1; i >= 0; i--) {
            var origin = origins.get(i);
            if (!origin.registeredClientId().equals(client.getId())) {
                continue;
            }
            var authorization = authorizations.findById(origin.authorizationId());
            var token = authorization == null ? null : authorization.getAccessToken();
            if (token != null
                    && token.isActive()
                    && token.getToken().getExpiresAt() != null
                    && token.getToken().getExpiresAt().isAfter(until)) {
                return java.util.Optional.of(new Issued(
                        token.getToken().getTokenValue(), token.getToken().getExpiresAt()));
            }
        }
        return java.util.Optional.empty();
    }

    /** Revokes a token Guichet gave itself: the resource server refuses it at its next check. */
    @Transactional
    public void revoke(String tokenValue) {
        var authorization = authorizations.findByToken(tokenValue, null);
        if (authorization != null) {
            authorizations.revoke(authorization.getId());
        }
    }
}
