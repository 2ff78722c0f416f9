package org.guichet.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.guichet.platform.Digests;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Fails the test class that leaves the demo organisation changed: the README's accounts are read-only for tests, which
 * create their own agents ({@link Agents}). On for every test class (registered in {@code META-INF/services}): it
 * reads, before and after each class, every row of the test database that belongs to a demo agent (by SOI, login,
 * e-mail or the lockout keys derived from them, as owner, manager or approver), the demo's departments, and the
 * settings every page depends on (live settings, charter versions). Journals, outboxes, notifications, one-time codes
 * and sessions are history, not state, and are left out, as are the columns a sign-in moves (the last TOTP step, last
 * use of a factor).
 */
public final class DemoFingerprint implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    /** The SOIs of the README's demo accounts. */
    public static final List<String> DEMO_SOIS = List.of(
            "1000001", "1000002", "1000003", "1000004", "1000005", "1000006", "1000007", "1000008", "1000009",
            "1000010");

    private static final Set<String> HISTORY = Set.of(
            "journal_entry",
            "journal_head",
            "dev_outbox",
            "flyway_schema_history",
            "event_publication",
            "event_publication_archive",
            "spring_session",
            "spring_session_attributes",
            "rate_limit",
            "address_throttle",
            "platform_secret",
            "document_signing_key",
            "live_setting_version",
            "sms_code",
            "reset_code",
            "reset_request",
            "notification",
            "notification_digest");

    /**
     * The columns that make a row a demo agent's: whose it is, who manages or approves it. The columns of who acted
     * ({@code actor_soi}, {@code issued_by}, {@code taken_by}…) do not: a demo helpdesk agent may act on a test's agent.
     */
    private static final Set<String> OWNER_COLUMNS = Set.of(
            "soi",
            "login",
            "email",
            "name",
            "subject",
            "requester_soi",
            "on_behalf_of_soi",
            "delegator_soi",
            "delegate_soi",
            "approver_soi",
            "first_approver_soi",
            "manager_soi",
            "throttle_key",
            "user_entity_user_id");

    private static final Set<String> WHOLE_TABLES = Set.of("live_setting", "charter_version");

    private static final Set<String> MOVING_COLUMNS =
            Set.of("last_step", "last_used_at", "last_used", "signature_count");

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DemoFingerprint.class);

    private static final String BEFORE = "before";

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        var before = read();
        if (before != null) {
            context.getStore(NAMESPACE).put(BEFORE, before);
        }
    }

    /** The first class of a run loads the demo in its application context: read it once that context stands. */
    @Override
    public void beforeEach(ExtensionContext context) throws SQLException {
        var store = context.getParent().orElseThrow().getStore(NAMESPACE);
        if (store.get(BEFORE) == null) {
            var before = read();
            if (before != null) {
                store.put(BEFORE, before);
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        @SuppressWarnings("unchecked")
        var before =
                (SortedMap<String, Set<String>>) context.getStore(NAMESPACE).get(BEFORE);
        if (before == null) {
            return;
        }
        var after = read();
        var changes = changes(before, after == null ? new TreeMap<>() : after);
        if (!changes.isEmpty()) {
            throw new AssertionError(context.getRequiredTestClass().getSimpleName()
                    + " changed the demo organisation (tests create their own agents with Agents):\n"
                    + String.join("\n", changes));
        }
    }

    private static List<String> changes(SortedMap<String, Set<String>> before, SortedMap<String, Set<String>> after) {
        var changes = new ArrayList<String>();
        var tables = new TreeSet<>(before.keySet());
        tables.addAll(after.keySet());
        for (var table : tables) {
            var was = before.getOrDefault(table, Set.of());
            var is = after.getOrDefault(table, Set.of());
            was.stream()
                    .filter(row -> !is.contains(row))
                    .limit(5)
                    .forEach(row -> changes.add("  " + table + " - " + row));
            is.stream()
                    .filter(row -> !was.contains(row))
                    .limit(5)
                    .forEach(row -> changes.add("  " + table + " + " + row));
        }
        return changes;
    }

    /** The demo's rows, table by table, each as text; {@code null} while the demo is not loaded. */
    private static SortedMap<String, Set<String>> read() throws SQLException {
        try (var connection = connect()) {
            var demo = demoValues(connection);
            if (demo == null) {
                return null;
            }
            var rows = new TreeMap<String, Set<String>>();
            var metadata = connection.getMetaData();
            try (var tables = metadata.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (tables.next()) {
                    var schema = tables.getString("TABLE_SCHEM");
                    var table = tables.getString("TABLE_NAME").toLowerCase();
                    if (schema != null
                            && (schema.equalsIgnoreCase("information_schema")
                                    || schema.toLowerCase().startsWith("pg_"))) {
                        continue;
                    }
                    // the journal's monthly partitions on PostgreSQL (journal_entry_2026_12, journal_entry_default)
                    if (!HISTORY.contains(table) && !table.startsWith("journal_entry_")) {
                        rows.put(table, rowsOf(connection, schema, table, demo));
                    }
                }
            }
            rows.values().removeIf(Set::isEmpty);
            return rows;
        }
    }

    /** The rows of one table that belong to the demo. */
    private static Set<String> rowsOf(Connection connection, String schema, String table, DemoValues demo)
            throws SQLException {
        var textColumns = new ArrayList<String>();
        try (var columns = connection.getMetaData().getColumns(null, schema, stored(connection, table), "%")) {
            while (columns.next()) {
                var type = columns.getInt("DATA_TYPE");
                var name = columns.getString("COLUMN_NAME").toLowerCase();
                if (OWNER_COLUMNS.contains(name)
                        && (type == Types.VARCHAR
                                || type == Types.CHAR
                                || type == Types.LONGVARCHAR
                                || type == Types.NVARCHAR)) {
                    textColumns.add(name);
                }
            }
        }
        String where;
        List<String> values;
        if (WHOLE_TABLES.contains(table)) {
            where = "";
            values = List.of();
        } else if (table.equals("department")) {
            where = " WHERE code IN (" + marks(demo.departments().size()) + ")";
            values = List.copyOf(demo.departments());
        } else if (textColumns.isEmpty()) {
            return Set.of();
        } else {
            var clauses = new ArrayList<String>();
            values = new ArrayList<>();
            for (var column : textColumns) {
                clauses.add(column + " IN (" + marks(demo.agents().size()) + ")");
                values.addAll(demo.agents());
            }
            where = " WHERE " + String.join(" OR ", clauses);
        }
        var result = new TreeSet<String>();
        try (var statement = connection.prepareStatement("SELECT * FROM " + table + where)) {
            for (var i = 0; i < values.size(); i++) {
                statement.setString(i + 1, values.get(i));
            }
            try (var found = statement.executeQuery()) {
                var meta = found.getMetaData();
                while (found.next()) {
                    var row = new StringBuilder("{");
                    for (var i = 1; i <= meta.getColumnCount(); i++) {
                        var column = meta.getColumnLabel(i).toLowerCase();
                        if (MOVING_COLUMNS.contains(column)) {
                            continue;
                        }
                        var value = found.getObject(i);
                        row.append(column)
                                .append('=')
                                .append(value instanceof byte[] bytes ? Digests.sha256Hex(new String(bytes)) : value)
                                .append(", ");
                    }
                    result.add(row.append('}').toString());
                }
            }
        }
        return result;
    }

    /** The table's name as the database's metadata spells it (H2 and PostgreSQL both store lower case here). */
    private static String stored(Connection connection, String table) throws SQLException {
        return connection.getMetaData().storesUpperCaseIdentifiers() ? table.toUpperCase() : table;
    }

    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(Math.max(count, 1), "?"));
    }

    /** What names a demo agent in a row, and the demo's departments. */
    private record DemoValues(List<String> agents, Set<String> departments) {}

    private static DemoValues demoValues(Connection connection) throws SQLException {
        var agents = new LinkedHashSet<String>();
        var departments = new LinkedHashSet<String>();
        try (var statement =
                connection.prepareStatement("SELECT soi, login, email, department_code FROM agent WHERE soi IN ("
                        + marks(DEMO_SOIS.size()) + ")")) {
            for (var i = 0; i < DEMO_SOIS.size(); i++) {
                statement.setString(i + 1, DEMO_SOIS.get(i));
            }
            try (var found = statement.executeQuery()) {
                while (found.next()) {
                    for (var column : List.of("soi", "login", "email")) {
                        var value = found.getString(column);
                        agents.add(value);
                        agents.add("id:" + Digests.sha256Hex(value.strip().toLowerCase(java.util.Locale.ROOT)));
                    }
                    agents.add("second-step:" + found.getString("soi"));
                    departments.add(found.getString("department_code"));
                }
            }
        } catch (SQLException notYetCreated) {
            return null;
        }
        if (agents.isEmpty()) {
            return null;
        }
        // passkeys: the WebAuthn user entity is named after the login; its credentials point to its id
        try (var statement = connection.prepareStatement(
                "SELECT id FROM user_entities WHERE name IN (" + marks(agents.size()) + ")")) {
            var i = 1;
            for (var value : agents) {
                statement.setString(i++, value);
            }
            try (var found = statement.executeQuery()) {
                var ids = new ArrayList<String>();
                while (found.next()) {
                    ids.add(found.getString(1));
                }
                agents.addAll(ids);
            }
        }
        return new DemoValues(List.copyOf(agents), departments);
    }

    private static volatile Map<String, String> database;

    /** The test database, as {@code application-test.yml} names it (H2 in memory, or GUICHET_TEST_DB_URL). */
    private static Connection connect() throws SQLException {
        if (database == null) {
            var yaml = new YamlPropertiesFactoryBean();
            yaml.setResources(new ClassPathResource("application-test.yml"));
            var environment = new StandardEnvironment();
            environment.getPropertySources().addLast(new PropertiesPropertySource("test", yaml.getObject()));
            database = Map.of(
                    "url", environment.getRequiredProperty("spring.datasource.url"),
                    "user", environment.getProperty("spring.datasource.username", ""),
                    "password", environment.getProperty("spring.datasource.password", ""));
        }
        return DriverManager.getConnection(database.get("url"), database.get("user"), database.get("password"));
    }
}
