package org.guichet.sso.server;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import java.text.ParseException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;

/**
 * The confirmation ({@code cnf}, RFC 7800) of an access token issued on a DPoP proof: the SHA-256 thumbprint of the
 * proof's public key ({@code jkt}, RFC 9449 §6), which the resource server compares with the key of each request's
 * proof. Spring adds it only when it builds the token generator itself; Guichet builds its own (for the refresh tokens
 * of native apps), so it adds it here.
 */
final class ProofOfPossession {

    private ProofOfPossession() {}

    /** {@code {"jkt": …}} for a token requested with a DPoP proof; null otherwise. */
    static @Nullable Map<String, Object> confirmation(OAuth2TokenContext context) {
        Jwt proof = context.get(OAuth2TokenContext.DPOP_PROOF_KEY);
        if (proof == null || !(proof.getHeaders().get("jwk") instanceof Map<?, ?> jwk)) {
            return null;
        }
        try {
            @SuppressWarnings("unchecked")
            var key = JWK.parse((Map<String, Object>) jwk);
            // a HashMap: the token's claims are stored with the authorization, and read back only as allowed types
            var confirmation = new java.util.HashMap<String, Object>();
            confirmation.put("jkt", key.computeThumbprint().toString());
            return confirmation;
        } catch (ParseException | JOSEException unreadable) {
            return null;
        }
    }
}
