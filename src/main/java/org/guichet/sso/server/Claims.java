package org.guichet.sso.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.directory.Role;
import org.guichet.identity.FactorType;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * What Guichet says of an agent in its tokens and at the userinfo endpoint, by scope: {@code sub} is the SOI, the
 * identifier the administration gives each agent for life (every application is the administration's own and
 * already knows agents by it: see the README); {@code profile} adds the names and login, {@code email} the address,
 * {@code roles} the roles and department. Every ID token says how the agent signed in: {@code amr} (RFC 8176), {@code
 * acr}, {@code auth_time}, the session ({@code sid}) and the channel; and {@code at_hash}.
 */
@Component
class Claims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    /** The assurance of a sign-in with a password alone, and with a second factor. */
    static final String ACR_PASSWORD = "urn:guichet:loa:password";

    static final String ACR_MFA = "urn:guichet:loa:mfa";

    static final String ROLES = "roles";

    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

    private final DirectoryManagement directory;
    private final SsoSessionRepository sessions;

    Claims(DirectoryManagement directory, SsoSessionRepository sessions) {
        this.directory = directory;
        this.sessions = sessions;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        var authorization = context.getAuthorization();
        var principal = context.getPrincipal();
        var claims = context.getClaims();
        var origin = authorization == null
                ? null
                : sessions.origin(authorization.getId()).orElse(null);
        if (origin != null) {
            claims.claim("sid", origin.sid());
            claims.claim("channel", origin.channel().name().toLowerCase(Locale.ROOT));
        }
        claims.claim("amr", amr(principal));
        claims.claim("acr", acr(principal));
        var proof = AuthorizationGate.lastProof(principal);
        if (proof != null) {
            claims.claim("auth_time", java.util.Date.from(proof));
        }
        var agent = AgentId.isSoi(principal.getName())
                ? directory.findById(AgentId.of(principal.getName())).orElse(null)
                : null;
        if (agent == null) {
            return;
        }
        if (ID_TOKEN.equals(context.getTokenType())) {
            about(agent, context.getAuthorizedScopes()).forEach(claims::claim);
            if (authorization != null) {
                var accessToken = accessToken(authorization);
                if (accessToken != null) {
                    claims.claim("at_hash", atHash(accessToken.getTokenValue()));
                }
            }
        } else if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
                && context.getAuthorizedScopes().contains(ROLES)) {
            claims.claim(ROLES, roles(agent));
            claims.claim("department", agent.departmentCode());
        }
    }

    /** The userinfo endpoint's answer: the claims of the access token's scopes. */
    OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
        var authorization = context.getAuthorization();
        var subject = authorization.getPrincipalName();
        var claims = new LinkedHashMap<String, Object>();
        claims.put("sub", subject);
        if (AgentId.isSoi(subject)) {
            directory
                    .findById(AgentId.of(subject))
                    .ifPresent(agent ->
                            claims.putAll(about(agent, context.getAccessToken().getScopes())));
        }
        return new OidcUserInfo(claims);
    }

    /** What the scopes let an application know of the agent. */
    static Map<String, Object> about(AgentProfile agent, Set<String> scopes) {
        var claims = new LinkedHashMap<String, Object>();
        if (scopes.contains(OidcScopes.PROFILE)) {
            claims.put("preferred_username", agent.login());
            claims.put("name", agent.displayName());
            claims.put("given_name", agent.firstName());
            claims.put("family_name", agent.lastName());
            claims.put("locale", "fr-FR");
        }
        if (scopes.contains(OidcScopes.EMAIL)) {
            claims.put("email", agent.email());
            claims.put("email_verified", true);
        }
        if (scopes.contains(ROLES)) {
            claims.put(ROLES, roles(agent));
            claims.put("department", agent.departmentCode());
            claims.put("department_name", agent.departmentName());
        }
        return claims;
    }

    private static List<String> roles(AgentProfile agent) {
        return new ArrayList<>(agent.roles().stream().map(Role::name).sorted().toList());
    }

    /**
     * How the agent proved who they are (RFC 8176): {@code pwd} for the password, {@code otp} for a code of an
     * authenticator app or a recovery code, {@code sms}, {@code hwk} for a passkey; and {@code mfa} once two were.
     */
    static List<String> amr(Authentication principal) {
        var methods = new TreeSet<String>();
        for (var granted : principal.getAuthorities()) {
            var authority = String.valueOf(granted.getAuthority());
            if (FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(authority)) {
                methods.add("pwd");
            }
            FactorType.ofAuthority(authority)
                    .ifPresent(type -> methods.add(
                            switch (type) {
                                case PASSKEY -> "hwk";
                                case TOTP, RECOVERY_CODE -> "otp";
                                case SMS -> "sms";
                            }));
        }
        if (methods.size() > 1) {
            methods.add("mfa");
        }
        // mutable lists: Spring keeps a token's claims in the database, and reads back only plain collections
        return new ArrayList<>(methods);
    }

    static String acr(Authentication principal) {
        return FactorType.usedIn(principal).isEmpty() ? ACR_PASSWORD : ACR_MFA;
    }

    private static @Nullable OAuth2AccessToken accessToken(OAuth2Authorization authorization) {
        var token = authorization.getAccessToken();
        return token == null ? null : token.getToken();
    }

    /** The left half of the access token's SHA-256, base64url (OpenID Connect Core, 3.1.3.6). */
    static String atHash(String accessToken) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, digest.length / 2));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
