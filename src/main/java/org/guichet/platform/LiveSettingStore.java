package org.guichet.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Live settings as stored: each one's JSON by name, and a version every change raises so that nodes reload. */
@Repository
class LiveSettingStore {

    private final JdbcClient jdbc;

    LiveSettingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the setting and raises the version. */
    void put(String name, String content, String by, Instant now) {
        var at = Timestamp.from(now);
        var updated = jdbc.sql("UPDATE live_setting SET content = ?, updated_at = ?, updated_by = ? WHERE name = ?")
                .params(content, at, by, name)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO live_setting (name, content, updated_at, updated_by) VALUES (?, ?, ?, ?)")
                    .params(name, content, at, by)
                    .update();
        }
        jdbc.sql("UPDATE live_setting_version SET version = version + 1 WHERE id = 1")
                .update();
    }

    long version() {
        return jdbc.sql("SELECT version FROM live_setting_version WHERE id = 1")
                .query(Long.class)
                .single();
    }

    Map<String, String> all() {
        var all = new HashMap<String, String>();
        jdbc.sql("SELECT name, content FROM live_setting").query(rs -> {
            all.put(rs.getString(1), rs.getString(2));
        });
        return Map.copyOf(all);
    }
}
