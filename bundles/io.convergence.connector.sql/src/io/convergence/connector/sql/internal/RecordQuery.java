package io.convergence.connector.sql.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.convergence.api.business.RecordKind;
import io.convergence.connector.sql.internal.Columns.MappingException;
import io.convergence.connector.sql.internal.SqlSettings.RecordQuerySpec;

import org.jspecify.annotations.Nullable;

/**
 * One record query and where its change column stands. Without a change column every poll reads
 * every row and the result replaces what was read before (so removed rows are noticed). With one,
 * the first poll reads every row and the later ones only the rows whose change column is above the
 * highest value seen: the query is wrapped as {@code SELECT * FROM (query) q WHERE q.column > ?},
 * which any SQL database runs. Rows deleted in the database are not noticed then.
 */
final class RecordQuery {

    private final RecordQuerySpec spec;
    private final String name;
    private @Nullable Comparable<Object> lastChange;

    RecordQuery(RecordQuerySpec spec) {
        this.spec = spec;
        this.name = SqlSettings.queryName(spec.kind());
    }

    RecordKind kind() {
        return spec.kind();
    }

    /** The query's name in the configuration, such as {@code ordersQuery}. */
    String name() {
        return name;
    }

    /** The SQL that the next poll runs. */
    String sql() {
        String col = spec.changeColumn();
        return col == null || lastChange == null ? spec.sql()
            : "SELECT * FROM (" + spec.sql() + ") q WHERE q." + col + " > ? ORDER BY q." + col;
    }

    /**
     * What a poll read.
     *
     * @param complete whether the records are every record of the kind (else only changed ones)
     */
    record Result(List<Object> records, boolean complete) {
    }

    /**
     * Runs the query and maps its rows; the change column moves on only when every row mapped.
     *
     * @throws SQLException what the database said
     * @throws MappingException a column is missing or a value does not fit; nothing of the poll is kept
     */
    @SuppressWarnings("unchecked")
    Result poll(Connection c, int timeoutSeconds, ZoneId zone) throws SQLException, MappingException {
        String sql = sql();
        boolean incremental = !sql.equals(spec.sql());
        Comparable<Object> max = lastChange;
        List<Object> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setQueryTimeout(timeoutSeconds);
            if (incremental) {
                p.setObject(1, lastChange);
            }
            try (ResultSet rs = p.executeQuery()) {
                Columns cols = new Columns(rs, name, zone);
                cols.require(Mappings.required(spec.kind()));
                String col = spec.changeColumn();
                if (col != null && !cols.has(col)) {
                    throw new MappingException(name + ": the change column " + col + " is not among the query's columns ("
                        + String.join(", ", cols.labels()) + ")");
                }
                while (cols.next()) {
                    out.add(Mappings.map(spec.kind(), cols, zone));
                    if (col != null) {
                        Object v = cols.raw(col);
                        if (v == null) {
                            throw cols.bad(col, "is empty (NULL); the change column needs a value in every row");
                        }
                        if (!(v instanceof Comparable<?>) || (max != null && !max.getClass().isInstance(v))) {
                            throw cols.bad(col, "holds " + v.getClass().getSimpleName() + " values that cannot be compared");
                        }
                        if (max == null || max.compareTo(v) < 0) {
                            max = (Comparable<Object>) v;
                        }
                    }
                }
            }
        }
        lastChange = max;
        return new Result(out, !incremental);
    }
}
