package org.reformdesk.platform.sweep;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A table of signals a sweep emitted, one row per occasion (a task's deadline, a report's period at an offset, ...)
 * with the time it was signalled: its primary key is what makes a signal "once". The columns say how an occasion the
 * sweep found becomes a row.
 *
 * @param <O> what the sweep found
 */
public record SignalTable<O>(String name, List<Column<O>> columns) {

    /** A column of the row: its name, its PostgreSQL type and the occasion's value for it. */
    public record Column<O>(String name, String type, Function<O, ?> value) {
    }

    public SignalTable {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("A signal table needs the columns of its occasions: " + name);
        }
        columns = List.copyOf(columns);
    }

    @SafeVarargs
    public static <O> SignalTable<O> of(String name, Column<O>... columns) {
        return new SignalTable<>(name, List.of(columns));
    }

    public static <O> Column<O> uuid(String name, Function<O, UUID> value) {
        return new Column<>(name, "uuid", value);
    }

    public static <O> Column<O> text(String name, Function<O, String> value) {
        return new Column<>(name, "text", value);
    }

    public static <O> Column<O> date(String name, Function<O, LocalDate> value) {
        return new Column<>(name, "date", value);
    }

    public static <O> Column<O> integer(String name, Function<O, Integer> value) {
        return new Column<>(name, "integer", value);
    }

    /**
     * The statement that claims occasions: a text array parameter a column (the occasions in order), then the time.
     * It inserts each occasion's row in that order, skips a row whose key is taken ({@code ON CONFLICT DO NOTHING}:
     * signalled by an earlier run, or by another replica's transaction, whose commit the insert waits for) and
     * answers the positions, from 1, of the rows it inserted. Set-wise, one statement a page: a row at a time cost
     * the burst a round trip per signal.
     */
    String claimStatement() {
        String names = names("");
        return """
                WITH occasion AS (
                    SELECT * FROM unnest(%s) WITH ORDINALITY AS o (%s, position)),
                claimed AS (
                    INSERT INTO %s (%s, signalled_at)
                    SELECT %s, CAST(? AS timestamptz) FROM occasion ORDER BY position
                    ON CONFLICT DO NOTHING
                    RETURNING %s)
                SELECT min(o.position) FROM occasion o JOIN claimed c ON (%s) = (%s)
                GROUP BY %s ORDER BY 1""".formatted(
                columns.stream().map(column -> "CAST(? AS " + column.type() + "[])").collect(Collectors.joining(", ")),
                names, name, names, names, names, names("o."), names("c."), names("c."));
    }

    /** The occasions' values column by column, as the claim statement's array parameters take them. */
    List<String[]> parameters(List<O> occasions) {
        return columns.stream().map(column -> occasions.stream().map(occasion -> {
            Object value = column.value().apply(occasion);
            return value == null ? null : value.toString();
        }).toArray(String[]::new)).toList();
    }

    private String names(String prefix) {
        return columns.stream().map(column -> prefix + column.name()).collect(Collectors.joining(", "));
    }
}
