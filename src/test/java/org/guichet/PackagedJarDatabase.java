package org.guichet;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a test of the packaged jar keeps its data: a PostgreSQL database of its own when {@code GUICHET_TEST_DB_URL}
 * points at one (created next to it, dropped after), else an embedded H2 file in the given directory. {@link
 * #environment()} is what the jar is started with.
 */
record PackagedJarDatabase(Map<String, String> environment, Runnable dropper) {

    private static final Pattern POSTGRESQL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]+)(.*)");

    static PackagedJarDatabase create(Path directory, String suffix) throws SQLException {
        var url = System.getenv("GUICHET_TEST_DB_URL");
        var matcher = url == null ? null : POSTGRESQL.matcher(url);
        if (matcher == null || !matcher.matches()) {
            return new PackagedJarDatabase(Map.of("GUICHET_DB_URL", h2(directory)), () -> {});
        }
        var user = System.getenv().getOrDefault("GUICHET_TEST_DB_USER", "postgres");
        var password = System.getenv().getOrDefault("GUICHET_TEST_DB_PASSWORD", "");
        var name = matcher.group(2) + "_" + suffix;
        Runnable drop = () -> execute(url, user, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        drop.run();
        execute(url, user, password, "CREATE DATABASE " + name);
        var environment = new HashMap<String, String>();
        environment.put("GUICHET_DB_URL", matcher.group(1) + name + matcher.group(3));
        environment.put("GUICHET_DB_USER", user);
        environment.put("GUICHET_DB_PASSWORD", password);
        return new PackagedJarDatabase(environment, drop);
    }

    /** An embedded H2 file in the directory, in the mode Guichet's demo uses. */
    static String h2(Path directory) {
        return "jdbc:h2:file:" + directory.resolve("guichet").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    private static void execute(String url, String user, String password, String sql) {
        try (var connection = DriverManager.getConnection(url, user, password);
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run " + sql + " on " + url + ": " + e.getMessage(), e);
        }
    }

    void drop() {
        dropper.run();
    }
}
