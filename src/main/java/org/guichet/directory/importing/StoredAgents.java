package org.guichet.directory.importing;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.guichet.directory.domain.AgentRecord;
import org.guichet.directory.domain.AgentRepository;
import org.jspecify.annotations.Nullable;

/**
 * The stored agents a small import needs, read as it asks for them: the rows' own agents at once, then each manager
 * up the chain when the hierarchy is checked, and who holds a login or address when one is chosen. A provisioning
 * call (one agent from the HR system) reads a handful of rows instead of the whole directory. It cannot be
 * enumerated: an import that needs every agent loads them all instead.
 */
final class StoredAgents extends AbstractMap<String, AgentRecord> implements Identities.Owners {

    private final AgentRepository agents;
    private final Map<String, Optional<AgentRecord>> read = new HashMap<>();
    private final List<String> rows;

    StoredAgents(AgentRepository agents, List<String> sois) {
        this.agents = agents;
        this.rows = List.copyOf(sois);
        var found = agents.load(sois);
        sois.forEach(soi -> read.put(soi, Optional.ofNullable(found.get(soi))));
    }

    /** The SOIs the rows name. */
    List<String> rows() {
        return rows;
    }

    @Override
    public @Nullable AgentRecord get(Object key) {
        if (!(key instanceof String soi)) {
            return null;
        }
        return read.computeIfAbsent(
                        soi, it -> Optional.ofNullable(agents.load(List.of(it)).get(it)))
                .orElse(null);
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Set<Entry<String, AgentRecord>> entrySet() {
        throw new UnsupportedOperationException("The stored agents are read one by one, not enumerated");
    }

    @Override
    public @Nullable String loginOwner(String login) {
        return agents.ownerOfLogin(login).orElse(null);
    }

    @Override
    public @Nullable String emailOwner(String email) {
        return agents.ownerOfEmail(email).orElse(null);
    }
}
