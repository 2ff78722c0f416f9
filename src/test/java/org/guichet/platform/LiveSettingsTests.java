package org.guichet.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.guichet.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import tools.jackson.databind.json.JsonMapper;

/** While the database cannot be reached a node keeps the settings it read last, and reads again once it answers. */
class LiveSettingsTests {

    record Rules(int attempts) {}

    /** A store whose database can be taken away. */
    static final class Store extends LiveSettingStore {

        boolean away;
        long version = 1;
        Map<String, String> settings = Map.of("rules", "{\"attempts\":3}");
        int versionReads;

        Store() {
            super(null);
        }

        @Override
        long version() {
            versionReads++;
            if (away) {
                throw new DataAccessResourceFailureException("Connection refused");
            }
            return version;
        }

        @Override
        Map<String, String> all() {
            return settings;
        }
    }

    @Test
    void findWhenTheDatabaseIsAwayThenWhatWasReadLastHoldsAndIsReadAgainWhenItIsBack() {
        var store = new Store();
        var clock = new MutableClock();
        var live = new LiveSettings(store, JsonMapper.builder().build(), clock);
        assertThat(live.get("rules", Rules.class, new Rules(5))).isEqualTo(new Rules(3));

        store.away = true;
        clock.advance(LiveSettings.REFRESH.plusSeconds(1));
        assertThat(live.get("rules", Rules.class, new Rules(5))).isEqualTo(new Rules(3));
        var reads = store.versionReads;
        assertThat(live.get("rules", Rules.class, new Rules(5))).isEqualTo(new Rules(3));
        assertThat(store.versionReads)
                .as("not asked again before the refresh delay")
                .isEqualTo(reads);

        store.away = false;
        store.version = 2;
        store.settings = Map.of("rules", "{\"attempts\":4}");
        clock.advance(LiveSettings.REFRESH.plusSeconds(1));
        assertThat(live.get("rules", Rules.class, new Rules(5))).isEqualTo(new Rules(4));
    }

    @Test
    void findWhenTheDatabaseWasNeverReadThenTheFailureIsTheCallers() {
        var store = new Store();
        store.away = true;
        var live = new LiveSettings(store, JsonMapper.builder().build(), new MutableClock());
        assertThatThrownBy(() -> live.get("rules", Rules.class, new Rules(5)))
                .isInstanceOf(DataAccessResourceFailureException.class);
    }
}
