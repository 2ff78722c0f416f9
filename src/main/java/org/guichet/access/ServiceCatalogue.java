package org.guichet.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guichet.platform.LiveSettings;
import org.springframework.stereotype.Service;

/** The services agents may reach, in the configured order, from {@code guichet.access.services}. */
@Service
public class ServiceCatalogue {

    private final Map<String, ServiceDefinition> services = new LinkedHashMap<>();
    private final LiveSettings live;

    ServiceCatalogue(AccessSettings settings, LiveSettings live) {
        this.live = live;
        for (var service : settings.services()) {
            if (services.putIfAbsent(service.id(), service) != null) {
                throw new IllegalStateException("guichet.access.services: the id '" + service.id()
                        + "' is used twice; each service needs its own");
            }
        }
    }

    /** The services as they stand: configured, with what an administrator changed of their opening. */
    public List<ServiceDefinition> all() {
        return services.values().stream().map(this::current).toList();
    }

    public Optional<ServiceDefinition> find(String id) {
        return Optional.ofNullable(services.get(id)).map(this::current);
    }

    private ServiceDefinition current(ServiceDefinition service) {
        return live.find(ServiceOpening.live(service.id()), ServiceOpening.class)
                .map(service::with)
                .orElse(service);
    }
}
