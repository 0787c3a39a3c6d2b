package org.reformdesk.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for one test run, on the server named by the usual libpq variables
 * ({@code PGHOST}, {@code PGPORT}, {@code PGUSER}, {@code PGPASSWORD}; default {@code localhost:5432}, user
 * {@code postgres}). Dropped when the run ends.
 */
public final class TestDatabase {

    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    public static TestDatabase create(String prefix) {
        String name = (prefix + "_test_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE " + name);
        return new TestDatabase(name);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + name;
    }

    public String name() {
        return name;
    }

    public static String user() {
        return env("PGUSER", "postgres");
    }

    public static String password() {
        return env("PGPASSWORD", "");
    }

    /** Datasource settings for a Quarkus service. */
    public Map<String, String> quarkusConfig() {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", user(),
                "quarkus.datasource.password", password());
    }

    public void drop() {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String sql) {
        String server = "jdbc:postgresql://" + host() + ":" + port() + "/postgres";
        try (Connection connection = DriverManager.getConnection(server, user(), password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("""
                    The tests need a PostgreSQL server (15 or newer) and could not use the one at %s as user '%s': %s
                    Start one, or point the tests at yours with PGHOST, PGPORT, PGUSER and PGPASSWORD. On Debian or Ubuntu:
                      sudo apt-get install postgresql && sudo pg_ctlcluster 15 main start
                      sudo -u postgres psql -c "ALTER USER postgres PASSWORD 'postgres'"   # then PGPASSWORD=postgres
                    The user needs the right to create databases; each test run creates its own and drops it."""
                    .formatted(server, user(), e.getMessage()), e);
        }
    }

    private static String host() {
        return env("PGHOST", "localhost");
    }

    private static String port() {
        return env("PGPORT", "5432");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
