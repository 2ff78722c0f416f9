package org.guichet.edge.web;

import java.util.Set;
import java.util.stream.Collectors;
import org.guichet.access.ServiceCatalogue;
import org.guichet.access.ServiceDefinition;
import org.guichet.platform.FormTargets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The hosts applications are published at, as places Guichet's forms may lead to: the sign-in form of an agent who
 * came from a published application ends by sending the browser back there ({@code /auth/return}), and browsers
 * apply the {@code form-action} of the Content-Security-Policy to that redirect too. Any port ({@code host:*}): the
 * proxy's, whichever it is; the scheme is the portal's (a page over {@code https} leads only to {@code https}).
 */
@Component
@ConditionalOnWebApplication
class PublishedHosts implements FormTargets {

    private final Set<String> sources;

    PublishedHosts(ServiceCatalogue catalogue) {
        // where services are published is configuration: read once
        this.sources = catalogue.all().stream()
                .map(ServiceDefinition::publication)
                .filter(java.util.Objects::nonNull)
                .map(publication -> publication.host() + ":*")
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Set<String> sources() {
        return sources;
    }
}
