package org.guichet.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.guichet.platform.LiveSettingRejected;
import org.guichet.platform.LiveSettings;
import org.springframework.stereotype.Service;

/** The services agents may reach, in the configured order, from {@code guichet.access.services}. */
@Service
public class ServiceCatalogue {

    private static final Pattern DEPARTMENT = Pattern.compile("[A-Z0-9_-]{1,20}");

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

    /**
     * The service published at this host and normalised path (the proxy's), the longest path prefix winning; empty
     * when none is.
     */
    public Optional<ServiceDefinition> publishedAt(String host, String path) {
        return all().stream()
                .filter(service ->
                        service.publication() != null && service.publication().covers(host, path))
                .max(java.util.Comparator.comparingInt(
                        service -> service.publication().pathPrefix().length()));
    }

    /**
     * Sets a service's opening every node applies within seconds: open from at least one channel, closed only to
     * departments named by their codes; else refused with each problem.
     */
    public void changeOpening(String serviceId, ServiceOpening opening, String by) {
        var problems = new ArrayList<LiveSettingRejected.Problem>();
        if (opening.channels().isEmpty()) {
            problems.add(new LiveSettingRejected.Problem("channels", "access.error.channelsEmpty", List.of()));
        }
        var wrong = opening.closedDepartments().stream()
                .filter(code -> !DEPARTMENT.matcher(code).matches())
                .toList();
        if (!wrong.isEmpty()) {
            problems.add(new LiveSettingRejected.Problem(
                    "closedDepartments", "access.error.departments", List.of(String.join(", ", wrong))));
        }
        LiveSettingRejected.refuseIf(problems);
        live.put(ServiceOpening.live(serviceId), opening, by);
    }

    private ServiceDefinition current(ServiceDefinition service) {
        return live.find(ServiceOpening.live(service.id()), ServiceOpening.class)
                .map(service::with)
                .orElse(service);
    }
}
