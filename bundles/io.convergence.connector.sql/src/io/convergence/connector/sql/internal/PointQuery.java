package io.convergence.connector.sql.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.convergence.api.point.DataType;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;
import io.convergence.connector.sql.internal.Columns.MappingException;

import org.jspecify.annotations.Nullable;

/**
 * One point query: every row is a point ({@code path}) and its value ({@code point_value}, or
 * {@code value} where that is not a reserved word), optionally with its time ({@code sample_time}),
 * {@code unit} and {@code description}. A point's type follows the value
 * column's SQL type. A point is published when its value differs from the one published last, so
 * a poll that finds nothing new publishes nothing; a point the rows no longer hold (an order that
 * ended) is published empty: an empty text, or a gap for numbers. When a path comes twice, its
 * first row counts.
 */
final class PointQuery {

    private final String sql;
    private final String name;
    private final Map<PointPath, Last> last = new LinkedHashMap<>();
    private boolean forgotten;

    private record Last(PointInfo info, @Nullable Object value) {
    }

    /**
     * What a poll found.
     *
     * @param samples what to publish
     * @param pointsChanged whether points appeared or their description changed
     */
    record Result(SampleBatch samples, boolean pointsChanged) {
    }

    PointQuery(int index, String sql) {
        this.sql = sql;
        this.name = "pointQueries[" + index + "]";
    }

    String name() {
        return name;
    }

    String sql() {
        return sql;
    }

    /**
     * Forgets the values published, keeping the points: after a lost connection (when the points
     * got a gap) the next poll publishes every value again.
     */
    void forget() {
        last.replaceAll((path, l) -> new Last(l.info(), null));
        forgotten = true;
    }

    /** The points this query has published so far. */
    List<PointInfo> points() {
        return last.values().stream().map(Last::info).toList();
    }

    /**
     * @param source the connector's id, the points' source
     * @throws MappingException a column is missing or a path is not valid; nothing of the poll is kept
     */
    Result poll(Connection c, int timeoutSeconds, ZoneId zone, String source) throws SQLException, MappingException {
        long now = Micros.now();
        Map<PointPath, Last> next = new LinkedHashMap<>();
        List<PointPath> paths = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setQueryTimeout(timeoutSeconds);
            try (ResultSet rs = p.executeQuery()) {
                Columns cols = new Columns(rs, name, zone);
                cols.require(List.of("path", "value"));
                DataType type = type(rs.getMetaData().getColumnType(cols.indexOf("value")));
                while (cols.next()) {
                    PointPath path;
                    try {
                        path = PointPath.parse(cols.text("path"));
                    } catch (IllegalArgumentException e) {
                        throw cols.bad("path", "is not a point path: " + e.getMessage());
                    }
                    if (next.containsKey(path)) {
                        continue;
                    }
                    Object value = value(cols.raw("value"), type);
                    Instant t = cols.timeOrNull("time");
                    PointInfo info = new PointInfo(path, type, cols.text("unit", ""), cols.text("description", ""), source,
                        name);
                    next.put(path, new Last(info, value));
                    paths.add(path);
                    times.add(t == null ? now : Micros.of(t));
                }
            }
        }
        SampleBatch.Builder b = SampleBatch.builder(paths.size() + 4);
        boolean changed = false;
        for (int i = 0; i < paths.size(); i++) {
            Last n = next.get(paths.get(i));
            Last before = last.get(paths.get(i));
            changed |= before == null || !before.info().equals(n.info());
            if (before == null || forgotten || !Objects.equals(before.value(), n.value())) {
                add(b, n.info(), n.value(), times.get(i));
            }
        }
        Set<PointPath> gone = new HashSet<>(last.keySet());
        gone.removeAll(next.keySet());
        for (PointPath path : gone) {
            Last before = last.get(path);
            if (before.value() != null || forgotten) {
                add(b, before.info(), null, now);
            }
            next.put(path, new Last(before.info(), null));
        }
        last.clear();
        last.putAll(next);
        forgotten = false;
        return new Result(b.build(), changed);
    }

    private static void add(SampleBatch.Builder b, PointInfo info, @Nullable Object value, long micros) {
        if (value == null) {
            if (info.type() == DataType.STRING) {
                b.addText(info.path(), micros, "", Quality.GOOD);
            } else {
                b.addGap(info.path(), micros);
            }
        } else {
            b.addValue(info.path(), micros, value, Quality.GOOD);
        }
    }

    /** A value as the point's type carries it. */
    private static @Nullable Object value(@Nullable Object raw, DataType type) {
        if (raw == null) {
            return null;
        }
        return switch (type) {
            case BOOLEAN -> raw instanceof Boolean b ? b : Boolean.valueOf(raw.toString());
            case INTEGER, DOUBLE -> raw instanceof Number n ? n.doubleValue() : Double.valueOf(raw.toString());
            default -> raw instanceof BigDecimal d ? d.toPlainString() : raw.toString();
        };
    }

    private static DataType type(int sqlType) {
        return switch (sqlType) {
            case Types.BIT, Types.BOOLEAN -> DataType.BOOLEAN;
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> DataType.INTEGER;
            case Types.FLOAT, Types.REAL, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL -> DataType.DOUBLE;
            default -> DataType.STRING;
        };
    }
}
