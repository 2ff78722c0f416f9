package org.guichet.sso.logout;

import java.time.Clock;
import java.util.List;
import org.guichet.directory.AgentId;
import org.guichet.platform.TransactionalEvents;
import org.guichet.session.AgentDevices;
import org.guichet.sso.DeviceRevoked;
import org.guichet.sso.server.DeviceRepository;
import org.guichet.sso.server.TrackedAuthorizations;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agent's devices, for "my sessions" and the helpdesk console: each installation of the phone app, listed while
 * its refresh token is good, revoked in one action (its access and refresh tokens die at once, journaled).
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class Devices implements AgentDevices {

    private final DeviceRepository devices;
    private final TrackedAuthorizations authorizations;
    private final TransactionalEvents events;
    private final Clock clock;

    Devices(DeviceRepository devices, TrackedAuthorizations authorizations, TransactionalEvents events, Clock clock) {
        this.devices = devices;
        this.authorizations = authorizations;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Device> of(AgentId agent) {
        return devices.ofAgent(agent.soi(), clock.instant());
    }

    @Override
    @Transactional
    public boolean revoke(AgentId agent, String id, AgentId by, @Nullable String reason) {
        var name = devices.nameOf(agent.soi(), id).orElse(null);
        if (name == null) {
            return false;
        }
        authorizations.revoke(id);
        events.publish(new DeviceRevoked(agent, name, by, reason, clock.instant()));
        return true;
    }
}
