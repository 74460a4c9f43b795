package io.convergence.connector.sql.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The columns of a query's result, found by name whatever the database does to the case of
 * aliases (H2 upper-cases them, PostgreSQL lower-cases them) and with or without underscores:
 * {@code idealCycleSeconds}, {@code IDEAL_CYCLE_SECONDS} and {@code ideal_cycle_seconds} are one
 * name. Reads values of the current row as the fields need them, with errors that name the query,
 * the row and the column.
 */
final class Columns {

    private final ResultSet rs;
    private final String query;
    private final ZoneId zone;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<String> labels = new ArrayList<>();
    private final int[] types;
    private final String[] typeNames;
    private int row;

    /**
     * @param query the query's name in the configuration, for messages
     * @param zone the zone of timestamps without one
     */
    Columns(ResultSet rs, String query, ZoneId zone) throws SQLException {
        this.rs = rs;
        this.query = query;
        this.zone = zone;
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        types = new int[n + 1];
        typeNames = new String[n + 1];
        for (int i = 1; i <= n; i++) {
            String label = md.getColumnLabel(i);
            labels.add(label);
            index.putIfAbsent(normalize(label), i);
            types[i] = md.getColumnType(i);
            typeNames[i] = String.valueOf(md.getColumnTypeName(i)).toLowerCase(Locale.ROOT);
        }
    }

    /** A name as compared: lower case, letters and digits only. */
    static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** The result's column labels, as the database gives them. */
    List<String> labels() {
        return labels;
    }

    /** Whether the result has a column of this name. */
    boolean has(String field) {
        return indexOf(field) != 0;
    }

    /**
     * The index of the column of a field, 0 if there is none. Some fields' names are reserved words
     * in SQL databases (END everywhere, VALUE in H2), and an alias named after them would have to
     * be quoted; they also match another name: {@code start_time}, {@code end_time},
     * {@code due_time}, {@code point_value}, {@code sample_time}.
     */
    int indexOf(String field) {
        String n = normalize(field);
        Integer i = index.get(n);
        if (i == null) {
            String other = switch (n) {
                case "start", "end", "due" -> n + "time";
                case "value" -> "pointvalue";
                case "time" -> "sampletime";
                default -> null;
            };
            i = other == null ? null : index.get(other);
        }
        return i == null ? 0 : i;
    }

    /**
     * @throws MappingException naming the missing fields and the columns there are
     */
    void require(List<String> fields) throws MappingException {
        List<String> missing = fields.stream().filter(f -> !has(f)).toList();
        if (!missing.isEmpty()) {
            String example = switch (normalize(missing.get(0))) {
                case "start", "end", "due" -> missing.get(0) + "_time";
                case "value" -> "point_value";
                case "time" -> "sample_time";
                default -> missing.get(0);
            };
            throw new MappingException(query + ": no column for " + String.join(", ", missing)
                + " (name the columns after the fields, e.g. ... AS " + example + "; the query gives "
                + String.join(", ", labels) + ")");
        }
    }

    /** Moves to the next row. */
    boolean next() throws SQLException {
        if (rs.next()) {
            row++;
            return true;
        }
        return false;
    }

    /** The current row's number, from 1. */
    int row() {
        return row;
    }

    /** The raw value of a column of the current row, null if the column is absent or NULL. */
    @Nullable Object raw(String field) throws SQLException {
        int i = indexOf(field);
        return i == 0 ? null : rs.getObject(i);
    }

    String text(String field) throws SQLException, MappingException {
        String s = textOrNull(field);
        if (s == null) {
            throw bad(field, "is empty (NULL)");
        }
        return s;
    }

    String text(String field, String fallback) throws SQLException {
        String s = textOrNull(field);
        return s == null ? fallback : s;
    }

    @Nullable String textOrNull(String field) throws SQLException {
        int i = indexOf(field);
        if (i == 0) {
            return null;
        }
        Object v = rs.getObject(i);
        if (v == null) {
            return null;
        }
        String s = v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : v.toString().strip();
        return s.isEmpty() ? null : s;
    }

    double number(String field) throws SQLException, MappingException {
        Double d = numberOrNull(field);
        if (d == null) {
            throw bad(field, "is empty (NULL); a number is needed");
        }
        return d;
    }

    double number(String field, double fallback) throws SQLException, MappingException {
        Double d = numberOrNull(field);
        return d == null ? fallback : d;
    }

    private @Nullable Double numberOrNull(String field) throws SQLException, MappingException {
        int i = indexOf(field);
        if (i == 0) {
            return null;
        }
        Object v = rs.getObject(i);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(v.toString().strip());
        } catch (NumberFormatException e) {
            throw bad(field, "'" + v + "' is not a number");
        }
    }

    long whole(String field) throws SQLException, MappingException {
        double d = number(field);
        if (d != Math.rint(d) || Math.abs(d) > 9.007199254740992E15) {
            throw bad(field, d + " is not a whole number");
        }
        return (long) d;
    }

    boolean flag(String field, boolean fallback) throws SQLException, MappingException {
        int i = indexOf(field);
        Object v = i == 0 ? null : rs.getObject(i);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        return switch (v.toString().strip().toLowerCase(Locale.ROOT)) {
            case "true", "t", "yes", "y", "1", "x" -> true;
            case "false", "f", "no", "n", "0", "" -> false;
            default -> throw bad(field, "'" + v + "' is not true or false");
        };
    }

    Instant time(String field) throws SQLException, MappingException {
        Instant t = timeOrNull(field);
        if (t == null) {
            throw bad(field, "is empty (NULL); a time is needed");
        }
        return t;
    }

    /**
     * A time: a timestamp with a zone as it is, one without (TIMESTAMP, DATE) in the configured
     * zone, text in ISO-8601 (with an offset, or local in the configured zone).
     */
    @Nullable Instant timeOrNull(String field) throws SQLException, MappingException {
        int i = indexOf(field);
        if (i == 0 || rs.getObject(i) == null) {
            return null;
        }
        try {
            if (types[i] == Types.TIMESTAMP_WITH_TIMEZONE || typeNames[i].contains("timestamptz")
                || typeNames[i].contains("with time zone")) {
                return rs.getObject(i, OffsetDateTime.class).toInstant();
            }
            if (types[i] == Types.TIMESTAMP) {
                return rs.getObject(i, LocalDateTime.class).atZone(zone).toInstant();
            }
            if (types[i] == Types.DATE) {
                return rs.getObject(i, LocalDate.class).atStartOfDay(zone).toInstant();
            }
        } catch (SQLException e) {
            throw bad(field, "cannot be read as a time: " + e.getMessage());
        }
        String s = rs.getObject(i).toString().strip();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeException e) {
            try {
                return ZonedDateTime.of(LocalDateTime.parse(s), zone).toInstant();
            } catch (DateTimeException e2) {
                throw bad(field, "'" + s + "' is not a time (a timestamp column, or ISO-8601 text such as "
                    + "2026-11-04T06:00:00+01:00)");
            }
        }
    }

    /** A mapping error for a field of the current row. */
    MappingException bad(String field, String what) {
        int i = indexOf(field);
        String column = i == 0 ? field : labels.get(i - 1);
        return new MappingException(query + " row " + row + ": column " + column + " " + what);
    }

    /** A mapping error for the current row, from a record's own check. */
    MappingException bad(@Nullable String id, IllegalArgumentException e) {
        return new MappingException(query + " row " + row + (id == null ? "" : " (id " + id + ")") + ": " + e.getMessage());
    }

    /** A row of a query that cannot become what it should. */
    static final class MappingException extends Exception {
        private static final long serialVersionUID = 1L;

        MappingException(String message) {
            super(message);
        }
    }
}
