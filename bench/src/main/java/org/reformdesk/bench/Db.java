package org.reformdesk.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One service's database, read from outside the service: the benchmark checks counts and takes timestamps
 * there instead of polling the services' APIs, which would put load on what it measures.
 */
final class Db implements AutoCloseable {

    private final Connection connection;
    /** Statements run and rows written through this connection: the benchmark's own share of the database's
     * statistics, which the amplification figures leave out. Each statement is its own transaction (autocommit). */
    private long statements;
    private long rowsWritten;

    Db(String jdbcUrl, String user, String password) {
        try {
            connection = DriverManager.getConnection(jdbcUrl, user, password);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open " + jdbcUrl, e);
        }
    }

    /** The first column of the first row as a number (a count), 0 when null. */
    long count(String sql, Object... params) {
        try (PreparedStatement statement = prepare(sql, params); ResultSet rows = statement.executeQuery()) {
            rows.next();
            long value = rows.getLong(1);
            return rows.wasNull() ? 0 : value;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of the first row as an instant, null when there is none. */
    Instant instant(String sql, Object... params) {
        try (PreparedStatement statement = prepare(sql, params); ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                return null;
            }
            Timestamp value = rows.getTimestamp(1);
            return value == null ? null : value.toInstant();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Rows of (uuid, timestamp) as a map, e.g. an event's id and when it was processed. */
    Map<UUID, Instant> instants(String sql, Object... params) {
        Map<UUID, Instant> found = new HashMap<>();
        try (PreparedStatement statement = prepare(sql, params); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                found.merge((UUID) rows.getObject(1), rows.getTimestamp(2).toInstant(),
                        (a, b) -> a.isAfter(b) ? a : b);
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Rows of (uuid, uuid). */
    Map<UUID, UUID> pairs(String sql, Object... params) {
        Map<UUID, UUID> found = new HashMap<>();
        try (PreparedStatement statement = prepare(sql, params); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                found.put((UUID) rows.getObject(1), (UUID) rows.getObject(2));
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    List<UUID> ids(String sql, Object... params) {
        List<UUID> found = new ArrayList<>();
        try (PreparedStatement statement = prepare(sql, params); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                found.add((UUID) rows.getObject(1));
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    List<String> strings(String sql, Object... params) {
        List<String> found = new ArrayList<>();
        try (PreparedStatement statement = prepare(sql, params); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                found.add(rows.getString(1));
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    int update(String sql, Object... params) {
        try (PreparedStatement statement = prepare(sql, params)) {
            int rows = statement.executeUpdate();
            rowsWritten += rows;
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** A uuid[] parameter. */
    Array uuids(Collection<UUID> ids) {
        try {
            return connection.createArrayOf("uuid", ids.toArray());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A text[] parameter. */
    Array texts(String[] texts) {
        try {
            return connection.createArrayOf("text", texts);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long statements() {
        return statements;
    }

    long rowsWritten() {
        return rowsWritten;
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        statements++;
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        return statement;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing at the end of a run: nothing left to do with it
        }
    }
}
