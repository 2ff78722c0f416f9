package org.guichet.session;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.guichet.access.AccessDecision;
import org.guichet.access.AccessExplanations;
import org.guichet.access.AccessPolicy;
import org.guichet.access.ServiceCatalogue;
import org.guichet.access.ServiceDefinition;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.FactorType;
import org.guichet.network.ClientConnections;
import org.guichet.platform.GuichetException;
import org.guichet.platform.PlatformError;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * The access policy applied to a signed-in request: the agent of the session, the channel of the request and the
 * assurance of the session, for one service or all. Pages, the API and Spring Security's rules all decide through it.
 */
@Service
public class ServiceAccess {

    private final DirectoryManagement directory;
    private final ClientConnections connections;
    private final AccessPolicy policy;
    private final ServiceCatalogue catalogue;
    private final AccessExplanations explanations;

    ServiceAccess(
            DirectoryManagement directory,
            ClientConnections connections,
            AccessPolicy policy,
            ServiceCatalogue catalogue,
            AccessExplanations explanations) {
        this.directory = directory;
        this.connections = connections;
        this.policy = policy;
        this.catalogue = catalogue;
        this.explanations = explanations;
    }

    /**
     * A service as this agent sees it from here.
     *
     * @param explanation why it is closed and what to do; none when open
     * @param reference the reference of the refusal, for the helpdesk (only for an attempt)
     */
    public record View(
            ServiceDefinition service,
            AccessDecision decision,
            AccessExplanations.@Nullable Explanation explanation,
            @Nullable String reference) {

        public boolean allowed() {
            return decision.allowed();
        }

        /** The service and its decision as the API gives them: {@code id}, {@code name}, {@code allowed}, ... */
        public Map<String, Object> toJson(Locale locale) {
            var json = new LinkedHashMap<String, Object>();
            json.put("id", service.id());
            json.put("name", service.name(locale));
            json.put("description", service.description(locale));
            json.put("href", "/services/" + service.id());
            json.put("allowed", decision.allowed());
            if (explanation != null) {
                json.put("reason", Map.of("code", explanation.code(), "message", explanation.message()));
                if (explanation.remedyHref() != null) {
                    json.put("remedy", Map.of("href", explanation.remedyHref(), "label", explanation.remedyLabel()));
                }
            }
            if (reference != null) {
                json.put("reference", reference);
            }
            return json;
        }
    }

    /** Every service of the catalogue, as this request's agent sees it from here. */
    public List<View> all(Authentication authentication, HttpServletRequest request, Locale locale) {
        var agent = agent(authentication);
        return policy
                .evaluateAll(agent, connections.of(request).channel(), FactorType.assurance(authentication))
                .stream()
                .map(decision ->
                        new View(decision.service(), decision, explanations.explain(decision, agent, locale), null))
                .toList();
    }

    /** An attempt to reach one service: a refusal is journalled and gets a reference; empty for an unknown id. */
    public Optional<View> attempt(
            String serviceId, Authentication authentication, HttpServletRequest request, Locale locale) {
        return catalogue.find(serviceId).map(service -> attempt(service, authentication, request, locale));
    }

    /** The decision for one service as this request's agent would get it from here, without attempting it. */
    public View evaluate(
            ServiceDefinition service, Authentication authentication, HttpServletRequest request, Locale locale) {
        var agent = agent(authentication);
        var decision = policy.evaluate(
                agent, connections.of(request).channel(), FactorType.assurance(authentication), service);
        return new View(service, decision, explanations.explain(decision, agent, locale), null);
    }

    public View attempt(
            ServiceDefinition service, Authentication authentication, HttpServletRequest request, Locale locale) {
        var agent = agent(authentication);
        var attempt =
                policy.attempt(agent, connections.of(request).channel(), FactorType.assurance(authentication), service);
        var decision = attempt.decision();
        return new View(service, decision, explanations.explain(decision, agent, locale), attempt.reference());
    }

    private AgentProfile agent(Authentication authentication) {
        return directory
                .findById(AgentId.of(authentication.getName()))
                .orElseThrow(() -> new GuichetException(PlatformError.UNAUTHENTICATED));
    }
}
