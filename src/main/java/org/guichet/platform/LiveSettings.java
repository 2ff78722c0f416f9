package org.guichet.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Settings the administrators change while Guichet runs: each a record stored as JSON under its name, replacing the
 * configuration's value. A node reads the version at most every {@link #REFRESH} and reloads what changed, so a change
 * made on one node applies on every node within seconds, without restart; on the node that made it, at once. While the
 * database cannot be reached, a node keeps what it read last.
 */
@Service
public class LiveSettings {

    /** How often a node looks whether the settings changed. */
    public static final Duration REFRESH = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(LiveSettings.class);

    private final LiveSettingStore store;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<String, Object> decoded = new ConcurrentHashMap<>();
    private volatile Map<String, String> stored = Map.of();
    private volatile long version = -1;
    private volatile Instant checkedAt = Instant.MIN;

    LiveSettings(LiveSettingStore store, JsonMapper json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /** The value stored under this name, else the configuration's. */
    public <T> T get(String name, Class<T> type, T configured) {
        return find(name, type).orElse(configured);
    }

    /** The value stored under this name, if an administrator set one. */
    public <T> Optional<T> find(String name, Class<T> type) {
        refreshIfDue();
        var text = stored.get(name);
        if (text == null) {
            return Optional.empty();
        }
        var key = name + '\u0000' + text;
        try {
            return Optional.of(type.cast(decoded.computeIfAbsent(key, ignored -> json.readValue(text, type))));
        } catch (JacksonException e) {
            // a value written by another version that this one cannot read: the configuration's serves, loudly
            LOG.error("Live setting {} cannot be read ({}); the configuration's value applies", name, e.getMessage());
            return Optional.empty();
        }
    }

    /** Stores a new value (validated by its owner beforehand) and makes every node reload. */
    @Transactional
    public void put(String name, Object value, String by) {
        var text = json.writeValueAsString(value);
        store.put(name, text, by, clock.instant());
        checkedAt = Instant.MIN;
    }

    /** Forgets what this node read: the next read looks at the database (tests, after changing it behind). */
    public void refreshNow() {
        checkedAt = Instant.MIN;
    }

    private void refreshIfDue() {
        var now = clock.instant();
        if (now.isBefore(checkedAt.plus(REFRESH)) && now.isAfter(checkedAt.minus(REFRESH))) {
            return;
        }
        synchronized (this) {
            if (now.isBefore(checkedAt.plus(REFRESH)) && now.isAfter(checkedAt.minus(REFRESH))) {
                return;
            }
            long current;
            try {
                current = store.version();
            } catch (DataAccessException unreachable) {
                if (version < 0) {
                    throw unreachable;
                }
                // the database is away (restarted, failed over): what this node read last still holds, and it
                // looks again after REFRESH rather than making every request wait for a connection
                LOG.warn("Live settings kept as read at version {}: {}", version, unreachable.toString());
                checkedAt = now;
                return;
            }
            if (current != version) {
                var all = store.all();
                stored = all;
                decoded.keySet().removeIf(key -> {
                    var separator = key.indexOf('\u0000');
                    return !key.substring(separator + 1).equals(all.get(key.substring(0, separator)));
                });
                version = current;
            }
            checkedAt = now;
        }
    }
}
