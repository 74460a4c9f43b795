package io.convergence.historian.duckdb.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.convergence.api.point.PointPath;

import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;

/**
 * The integer id of every stored point, both ways, kept in memory. Ids are handed out by the single
 * writer; a point becomes visible here just before its transaction commits and is forgotten again
 * if the commit fails, so a reader never misses a committed point (it may briefly see one whose
 * samples are not committed yet, and finds none).
 */
final class PointIds {

    private final Map<PointPath, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Integer, PointPath> paths = new ConcurrentHashMap<>();
    private int next = 1;

    /** Loads the ids stored so far. */
    void load(DuckDBConnection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id, path FROM points")) {
            while (r.next()) {
                int id = r.getInt(1);
                PointPath p = PointPath.parse(r.getString(2));
                ids.put(p, id);
                paths.put(id, p);
                next = Math.max(next, id + 1);
            }
        }
    }

    @Nullable Integer id(PointPath path) {
        return ids.get(path);
    }

    @Nullable PointPath path(int id) {
        return paths.get(id);
    }

    /** The id the next new point will get. Writer only. */
    int next() {
        return next;
    }

    /** Hands out an id for a new point, not yet visible. Writer only. */
    int assign() {
        return next++;
    }

    /** Makes new points visible. Writer only. */
    void publish(Map<PointPath, Integer> fresh) {
        fresh.forEach((p, id) -> {
            paths.put(id, p);
            ids.put(p, id);
        });
    }

    /** Takes back points of a transaction that failed, and their ids. Writer only. */
    void forget(Map<PointPath, Integer> fresh, int nextBefore) {
        fresh.forEach((p, id) -> {
            ids.remove(p, id);
            paths.remove(id, p);
        });
        next = nextBefore;
    }
}
