package org.guichet.edge.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;
import org.guichet.access.ServiceCatalogue;
import org.guichet.access.ServiceDefinition;
import org.guichet.edge.OriginalRequest;
import org.guichet.network.ClientConnections;
import org.guichet.session.SessionSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * What a proxy asks, read from its request alone (no session): the original request, the application published
 * there, and the key a decision about it is kept under.
 */
@Component
@ConditionalOnWebApplication
class Questions {

    /** A proxy's question about a published application; no key when the browser sent no session cookie. */
    record Question(OriginalRequest original, ServiceDefinition service, Decisions.@Nullable Key key) {}

    private final ClientConnections connections;
    private final ServiceCatalogue catalogue;

    Questions(ClientConnections connections, ServiceCatalogue catalogue) {
        this.connections = connections;
        this.catalogue = catalogue;
    }

    /**
     * The question, or empty when it does not come from a trusted proxy (anyone else could name any application) or
     * names no published application.
     */
    Optional<Question> of(HttpServletRequest request) {
        if (!connections.fromTrustedProxy(request)) {
            return Optional.empty();
        }
        return OriginalRequest.of(request::getHeader)
                .flatMap(original ->
                        published(original).map(service -> new Question(original, service, key(request, service))));
    }

    /**
     * The service published where the request goes; none when the path would be another service's once its {@code ;}
     * parameters are dropped (some applications read it so: the decision must not depend on who reads the path).
     */
    Optional<ServiceDefinition> published(OriginalRequest original) {
        var service = catalogue.publishedAt(original.host(), original.path());
        var read = catalogue.publishedAt(original.host(), original.withoutParameters());
        return service.map(ServiceDefinition::id).equals(read.map(ServiceDefinition::id)) ? service : Optional.empty();
    }

    /** What a decision is kept under: the session's cookie as the browser sent it (none: decided every time). */
    private Decisions.@Nullable Key key(HttpServletRequest request, ServiceDefinition service) {
        var cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        var connection = connections.of(request);
        return Arrays.stream(cookies)
                .filter(cookie -> SessionSettings.COOKIE.equals(cookie.getName()))
                .map(cookie ->
                        new Decisions.Key(cookie.getValue(), service.id(), connection.address(), connection.channel()))
                .findFirst()
                .orElse(null);
    }
}
