package org.reformdesk.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server the platform keeps its databases in, named by the usual libpq variables
 * ({@code PGHOST}, {@code PGPORT}, {@code PGUSER}, {@code PGPASSWORD}; default {@code localhost:5432}, user
 * {@code postgres}).
 */
public final class Postgres {

    private final String host;
    private final String port;
    private final String user;
    private final String password;

    private Postgres(String host, String port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    public static Postgres fromEnvironment() {
        return new Postgres(env("PGHOST", "localhost"), env("PGPORT", "5432"), env("PGUSER", "postgres"),
                env("PGPASSWORD", ""));
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Creates the database unless it exists. */
    public void ensureDatabase(String name) {
        requireIdentifier(name);
        try (Connection connection = connect();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet found = exists.executeQuery()) {
                if (!found.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("CREATE DATABASE " + name);
                    }
                }
            }
        } catch (SQLException e) {
            throw unreachable(e);
        }
    }

    public void dropDatabase(String name) {
        requireIdentifier(name);
        try (Connection connection = connect(); Statement drop = connection.createStatement()) {
            drop.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw unreachable(e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("postgres"), user, password);
    }

    private IllegalStateException unreachable(SQLException e) {
        return new IllegalStateException("""
                Reform Desk needs a PostgreSQL server (15 or newer) and could not use the one at %s:%s as user '%s':
                  %s
                Start one, or point Reform Desk at yours with PGHOST, PGPORT, PGUSER and PGPASSWORD. On Debian or Ubuntu:
                  sudo apt-get install postgresql && sudo pg_ctlcluster 15 main start
                  sudo -u postgres psql -c "ALTER USER postgres PASSWORD 'postgres'"   # then export PGPASSWORD=postgres
                The user needs the right to create databases (one per service, and fresh ones for each test run)."""
                .formatted(host, port, user, e.getMessage()), e);
    }

    private static void requireIdentifier(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
