package org.guichet.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The services agents may reach, in the configured order, from {@code guichet.access.services}. */
@Service
public class ServiceCatalogue {

    private final Map<String, ServiceDefinition> services = new LinkedHashMap<>();

    ServiceCatalogue(AccessSettings settings) {
        for (var service : settings.services()) {
            if (services.putIfAbsent(service.id(), service) != null) {
                throw new IllegalStateException("guichet.access.services: the id '" + service.id()
                        + "' is used twice; each service needs its own");
            }
        }
    }

    public List<ServiceDefinition> all() {
        return List.copyOf(services.values());
    }

    public Optional<ServiceDefinition> find(String id) {
        return Optional.ofNullable(services.get(id));
    }
}
