package org.guichet.provisioning.scim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import org.guichet.provisioning.ProvisioningSettings;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionAuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/**
 * The HR system's provisioning token ({@code guichet.provisioning.scim-token}), checked in constant time against its
 * digest: the one bearer token the SCIM endpoints take. None configured, none taken.
 */
final class ScimToken implements OpaqueTokenIntrospector {

    static final String AUTHORITY = "SCOPE_scim";
    static final String CLIENT = "hr-provisioning";

    private final byte[] expected;

    ScimToken(ProvisioningSettings settings) {
        var token = settings.scimToken();
        this.expected = token == null || token.isBlank() ? new byte[0] : digest(token.strip());
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        if (expected.length == 0 || !MessageDigest.isEqual(expected, digest(token))) {
            throw new BadOpaqueTokenException("Not the provisioning token");
        }
        return new OAuth2IntrospectionAuthenticatedPrincipal(
                CLIENT, Map.of("client_id", CLIENT), List.of(new SimpleGrantedAuthority(AUTHORITY)));
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
