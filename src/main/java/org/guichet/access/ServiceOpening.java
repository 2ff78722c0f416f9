package org.guichet.access;

import java.util.Map;
import java.util.Set;
import org.guichet.identity.Assurance;
import org.guichet.network.Channel;

/**
 * What an administrator may change of a service while Guichet runs: the channels it accepts, the assurance it needs
 * on each, and the departments it is closed to (live setting {@code access.service.<id>}).
 */
public record ServiceOpening(Set<Channel> channels, Map<Channel, Assurance> assurance, Set<String> closedDepartments) {

    public ServiceOpening {
        channels = Set.copyOf(channels);
        assurance = Map.copyOf(assurance);
        closedDepartments = Set.copyOf(closedDepartments);
    }

    /** The name of the live setting of this service. */
    public static String live(String serviceId) {
        return "access.service." + serviceId;
    }

    public static ServiceOpening of(ServiceDefinition service) {
        return new ServiceOpening(service.channels(), service.assurance(), service.closedDepartments());
    }
}
