package org.guichet.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.guichet.identity.FactorType;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Gives the signed-in session a factor the agent just proved (Spring Security's {@link FactorGrantedAuthority}, with
 * the time of use, which step-up rules read), then a new session id, as after any change of privilege.
 */
@Component
class FactorGrants {

    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final Clock clock;

    FactorGrants(Clock clock) {
        this.clock = clock;
    }

    void grant(FactorType type, HttpServletRequest request, HttpServletResponse response) {
        grant(type.authority(), request, response);
    }

    /** The password again (the step-up of an agent who has no second factor). */
    void grantPassword(HttpServletRequest request, HttpServletResponse response) {
        grant(FactorGrantedAuthority.PASSWORD_AUTHORITY, request, response);
    }

    private void grant(String authority, HttpServletRequest request, HttpServletResponse response) {
        var current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null) {
            throw new IllegalStateException("No one is signed in");
        }
        var factor = FactorGrantedAuthority.withAuthority(authority)
                .issuedAt(clock.instant())
                .build();
        var updated = current.toBuilder()
                .authorities(authorities -> {
                    authorities.removeIf(granted -> authority.equals(granted.getAuthority()));
                    authorities.add(factor);
                })
                .build();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(updated);
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        contexts.saveContext(context, request, response);
    }
}
