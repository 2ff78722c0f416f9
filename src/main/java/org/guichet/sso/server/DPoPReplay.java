package org.guichet.sso.server;

import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.text.ParseException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a DPoP proof at the token endpoint that any node has seen before. Spring's authorization server checks each
 * proof (signature, method, address, time) but remembers the ones it saw in one node's memory only: a proof replayed
 * on another node would pass. The proof's {@code jti} is remembered in the shared database first ({@link DPoPProofs});
 * a malformed proof goes on to be refused by Spring with its reason.
 */
final class DPoPReplay extends OncePerRequestFilter {

    private final String tokenEndpoint;
    private final DPoPProofs proofs;

    DPoPReplay(String tokenEndpoint, DPoPProofs proofs) {
        this.tokenEndpoint = tokenEndpoint;
        this.proofs = proofs;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !tokenEndpoint.equals(request.getRequestURI()
                        .substring(request.getContextPath().length()))
                || request.getHeader("DPoP") == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String jti;
        try {
            jti = SignedJWT.parse(request.getHeader("DPoP")).getJWTClaimsSet().getJWTID();
        } catch (ParseException malformed) {
            jti = null;
        }
        if (jti != null && !proofs.firstUse(jti)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setHeader("Cache-Control", "no-store");
            response.getWriter()
                    .write("{\"error\":\"invalid_dpop_proof\",\"error_description\":\"This DPoP proof was used"
                            + " already.\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
