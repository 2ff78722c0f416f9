package org.guichet.session.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.guichet.access.ServiceDefinition;
import org.guichet.identity.SecondFactors;
import org.guichet.platform.ProblemResponses;
import org.guichet.session.ServiceAccess;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Spring Security's rule for the URLs of a service: signed in as everywhere else, then the access policy's decision
 * for the service, the same one the home page and the API show. A refusal is answered with the decision in words: a
 * page with the reason and the remedy for people, problem details with {@code reason} and {@code remedy} for scripts.
 */
@Component
@ConditionalOnWebApplication
class ServiceRules {

    static final String REFUSAL = ServiceRules.class.getName() + ".refusal";
    static final String REFUSAL_PAGE = "/access-denied";

    private final ServiceAccess access;
    private final SecondFactors secondFactors;
    private final ProblemResponses problems;
    private final LocaleResolver locales;

    ServiceRules(ServiceAccess access, SecondFactors secondFactors, ProblemResponses problems, LocaleResolver locales) {
        this.access = access;
        this.secondFactors = secondFactors;
        this.problems = problems;
        this.locales = locales;
    }

    /** The decision of a refused service, carried to the refusal handler. */
    static final class Refused extends AuthorizationDecision {

        private final ServiceAccess.View view;

        Refused(ServiceAccess.View view) {
            super(false);
            this.view = view;
        }

        ServiceAccess.View view() {
            return view;
        }
    }

    AuthorizationManager<RequestAuthorizationContext> rule(ServiceDefinition service) {
        var signedIn = secondFactors.signedIn();
        return (authentication, context) -> {
            AuthorizationResult first = signedIn.authorize(authentication, context);
            if (first == null || !first.isGranted()) {
                return first;
            }
            var request = context.getRequest();
            var locale = locales.resolveLocale(request);
            // the service as it stands now: an administrator may have changed its opening since start-up
            var view = access.attempt(service.id(), authentication.get(), request, locale)
                    .orElseGet(() -> access.attempt(service, authentication.get(), request, locale));
            return view.allowed() ? new AuthorizationDecision(true) : new Refused(view);
        };
    }

    /** Answers a refusal: the refusal page for people, problem details for the API. */
    void refuse(HttpServletRequest request, HttpServletResponse response, ServiceAccess.View view)
            throws IOException, ServletException {
        var explanation = view.explanation();
        var denial = view.decision().denial();
        if (explanation == null || denial == null) {
            throw new IllegalStateException("Only refusals are answered here");
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            var properties = explanation.problemMembers(view.decision().channel(), view.reference());
            properties.put("service", view.service().id());
            problems.write(request, response, denial, explanation.message(), properties);
            return;
        }
        request.setAttribute(REFUSAL, view);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        request.getRequestDispatcher(REFUSAL_PAGE).forward(request, response);
    }
}
