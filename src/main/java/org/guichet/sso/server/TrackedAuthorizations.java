package org.guichet.sso.server;

import java.time.Clock;
import java.util.Optional;
import org.guichet.directory.AgentId;
import org.guichet.network.ClientConnections;
import org.guichet.platform.Digests;
import org.guichet.platform.TransactionalEvents;
import org.guichet.sso.ApplicationSignedIn;
import org.guichet.sso.RefreshTokenReused;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Spring's authorizations in the database ({@link JdbcOAuth2AuthorizationService}), with what Guichet adds: each
 * new authorization is tied to the session it was given from (the {@link AuthorizationGate} let it through), and a
 * refresh token is good for one exchange. One presented again, stolen or replayed, revokes its whole family: the
 * authorization and every token it holds.
 */
public class TrackedAuthorizations implements OAuth2AuthorizationService {

    /** The request attribute holding the refresh token a token request presented. */
    private static final String PRESENTED_REFRESH = TrackedAuthorizations.class.getName() + ".PRESENTED_REFRESH";

    private final JdbcOAuth2AuthorizationService authorizations;
    private final SsoSessionRepository sessions;
    private final RegisteredClientRepository clients;
    private final TransactionalEvents events;
    private final Clock clock;

    private final DeviceRepository devices;
    private final ClientConnections connections;
    private final TransactionTemplate transactions;

    TrackedAuthorizations(
            JdbcOAuth2AuthorizationService authorizations,
            RegisteredClientRepository clients,
            SsoSessionRepository sessions,
            DeviceRepository devices,
            ClientConnections connections,
            TransactionalEvents events,
            TransactionTemplate transactions,
            Clock clock) {
        this.authorizations = authorizations;
        this.transactions = transactions;
        this.clients = clients;
        this.sessions = sessions;
        this.devices = devices;
        this.connections = connections;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        var before = authorizations.findById(authorization.getId());
        if (before == null && presentedRefreshToken().isPresent()) {
            // a refresh of an authorization that is gone: a concurrent replay of the same token revoked the whole
            // family while this exchange was under way; saving would bring it back as if new
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT));
        }
        if (before == null) {
            tieToSession(authorization);
            authorizations.save(authorization);
            recordDevice(authorization);
            return;
        }
        var fresh = authorization.getRefreshToken();
        var used = presentedRefreshToken()
                .orElse(
                        before.getRefreshToken() == null
                                ? null
                                : before.getRefreshToken().getToken().getTokenValue());
        if (used == null || fresh == null || used.equals(fresh.getToken().getTokenValue())) {
            authorizations.save(authorization);
            recordDevice(authorization);
            return;
        }
        // A refresh token exchanged for a new one: once, whatever the number of nodes. The token checked is the one
        // this request presented (the stored one may already be another exchange's), and the authorization's row is
        // locked while the exchange is recorded and saved, so that a replay decided meanwhile removes what the winner
        // saved rather than being overwritten by it.
        var replay = transactions.execute(status -> {
            sessions.lockAuthorization(authorization.getId());
            if (!sessions.exchanged(hash(used), authorization.getId(), clock.instant())) {
                revokeFamily(authorization.getId());
                return true;
            }
            authorizations.save(authorization);
            return false;
        });
        if (Boolean.TRUE.equals(replay)) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT));
        }
        recordDevice(authorization);
    }

    /** The refresh token this request presented (found by {@link #findByToken}), if it is a refresh. */
    private static Optional<String> presentedRefreshToken() {
        var attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null
                ? Optional.empty()
                : Optional.ofNullable(
                        (String) attributes.getAttribute(PRESENTED_REFRESH, RequestAttributes.SCOPE_REQUEST));
    }

    /**
     * A native app's first refresh token makes its installation one of the agent's devices: named by what the app
     * says of the phone ({@code device_name} in the token request) or by its user agent.
     */
    private void recordDevice(OAuth2Authorization authorization) {
        if (authorization.getRefreshToken() == null
                || !(RequestContextHolder.getRequestAttributes()
                        instanceof org.springframework.web.context.request.ServletRequestAttributes attributes)) {
            return;
        }
        var client = clients.findById(authorization.getRegisteredClientId());
        if (client == null || !ApplicationStore.nativeApp(client)) {
            return;
        }
        var request = attributes.getRequest();
        var agent = request.getHeader("User-Agent") == null ? "" : request.getHeader("User-Agent");
        var named = request.getParameter("device_name");
        var name = named != null && !named.isBlank()
                ? named.strip()
                : agent.isBlank() ? client.getClientName() : agent.split("\\s+")[0];
        var platform = agent.contains("Android")
                ? "Android"
                : agent.contains("iPhone") || agent.contains("iPad") || agent.contains("iOS") ? "iOS" : "Autre";
        devices.insertIfAbsent(
                authorization.getId(),
                authorization.getPrincipalName(),
                client.getClientId(),
                name.length() > 100 ? name.substring(0, 100) : name,
                platform,
                connections.of(request).channel().name(),
                clock.instant());
    }

    private void tieToSession(OAuth2Authorization authorization) {
        var attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null
                || !(attributes.getAttribute(AuthorizationGate.GRANTED, RequestAttributes.SCOPE_REQUEST)
                        instanceof AuthorizationGate.Granted granted)) {
            return;
        }
        var at = clock.instant();
        var server = AuthorizationServerContextHolder.getContext();
        sessions.signedIn(
                authorization.getId(),
                granted.sid(),
                granted.agent().soi(),
                authorization.getRegisteredClientId(),
                granted.connection().channel(),
                server == null || server.getIssuer() == null ? "" : server.getIssuer(),
                at);
        events.publish(new ApplicationSignedIn(
                granted.agent(), granted.clientId(), granted.application(), granted.connection(), at));
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        authorizations.remove(authorization);
    }

    @Override
    public @Nullable OAuth2Authorization findById(String id) {
        return authorizations.findById(id);
    }

    @Override
    public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
        if (OAuth2TokenType.REFRESH_TOKEN.equals(tokenType)) {
            var attributes = RequestContextHolder.getRequestAttributes();
            if (attributes != null) {
                attributes.setAttribute(PRESENTED_REFRESH, token, RequestAttributes.SCOPE_REQUEST);
            }
        }
        var found = authorizations.findByToken(token, tokenType);
        if (found == null && (tokenType == null || OAuth2TokenType.REFRESH_TOKEN.equals(tokenType))) {
            sessions.exchangedIn(hash(token)).ifPresent(this::revokeFamily);
        }
        return found;
    }

    /** Revokes every token of an authorization: a refresh token of it was presented twice. */
    private void revokeFamily(String authorizationId) {
        var family = authorizations.findById(authorizationId);
        if (family == null) {
            return;
        }
        authorizations.remove(family);
        var client = clients.findById(family.getRegisteredClientId());
        if (AgentId.isSoi(family.getPrincipalName())) {
            events.publish(new RefreshTokenReused(
                    AgentId.of(family.getPrincipalName()),
                    client == null ? family.getRegisteredClientId() : client.getClientId(),
                    clock.instant()));
        }
    }

    /**
     * Revokes (invalidates) the refresh and access tokens of an authorization, keeping its record; a device it was
     * is one no longer.
     */
    public void revoke(String authorizationId) {
        devices.delete(authorizationId);
        var authorization = authorizations.findById(authorizationId);
        if (authorization == null) {
            return;
        }
        var builder = OAuth2Authorization.from(authorization);
        if (authorization.getRefreshToken() != null) {
            builder.invalidate(authorization.getRefreshToken().getToken());
        }
        if (authorization.getAccessToken() != null) {
            builder.invalidate(authorization.getAccessToken().getToken());
        }
        authorizations.save(builder.build());
    }

    private static String hash(String token) {
        return Digests.sha256Hex(token);
    }
}
