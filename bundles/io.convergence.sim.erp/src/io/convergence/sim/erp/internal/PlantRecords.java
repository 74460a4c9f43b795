package io.convergence.sim.erp.internal;

import static io.convergence.sim.erp.internal.ErpDatabase.time;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.convergence.sim.erp.internal.model.MasterData;
import io.convergence.sim.plant.internal.model.LineStop;
import io.convergence.sim.plant.internal.model.LineTruth;

/**
 * The simulation's record of what the plant did, in the {@code sim_*} tables: its account per
 * order and per shift, and its stop log. The answer key for figures computed from recorded data;
 * not part of an ERP. Not thread-safe: the ERP calls it from its one database thread.
 */
final class PlantRecords {

    private final Connection c;

    PlantRecords(Connection owner) {
        this.c = owner;
    }

    void stop(String line, LineStop s) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO sim_stop (work_center_id, start_time, end_time,"
            + " reason_code, order_id) VALUES (?, ?, ?, ?, ?)")) {
            p.setString(1, line);
            p.setObject(2, time(Instant.ofEpochMilli(s.startMillis())));
            p.setObject(3, time(Instant.ofEpochMilli(s.endMillis())));
            p.setString(4, MasterData.code(s.reason()));
            p.setString(5, s.orderId());
            p.executeUpdate();
        }
    }

    /** Adds a delta of the plant's account to its period's totals. */
    void account(String line, LineTruth t) throws SQLException {
        String scope = t.scope().name().toLowerCase(Locale.ROOT);
        try (PreparedStatement p = c.prepareStatement("MERGE INTO sim_truth_period t USING (VALUES (CAST(? AS VARCHAR),"
            + " CAST(? AS VARCHAR))) v (scope, period_id) ON t.scope = v.scope AND t.period_id = v.period_id"
            + " WHEN MATCHED THEN UPDATE SET first_time = LEAST(t.first_time, ?), end_time = GREATEST(t.end_time, ?),"
            + " run_ms = t.run_ms + ?, good_count = t.good_count + ?, reject_count = t.reject_count + ?"
            + " WHEN NOT MATCHED THEN INSERT (scope, period_id, work_center_id, first_time, end_time, run_ms, good_count,"
            + " reject_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            OffsetDateTime first = time(Instant.ofEpochMilli(t.firstMillis()));
            OffsetDateTime end = time(Instant.ofEpochMilli(t.endMillis()));
            p.setString(1, scope);
            p.setString(2, t.id());
            p.setObject(3, first);
            p.setObject(4, end);
            p.setLong(5, t.runMillis());
            p.setLong(6, t.good());
            p.setLong(7, t.reject());
            p.setString(8, scope);
            p.setString(9, t.id());
            p.setString(10, line);
            p.setObject(11, first);
            p.setObject(12, end);
            p.setLong(13, t.runMillis());
            p.setLong(14, t.good());
            p.setLong(15, t.reject());
            p.executeUpdate();
        }
        if (t.stopMillis().isEmpty()) {
            return;
        }
        try (PreparedStatement p = c.prepareStatement("MERGE INTO sim_truth_stop_time t USING (VALUES (CAST(? AS VARCHAR),"
            + " CAST(? AS VARCHAR), CAST(? AS VARCHAR))) v (scope, period_id, reason_code) ON t.scope = v.scope"
            + " AND t.period_id = v.period_id AND t.reason_code = v.reason_code WHEN MATCHED THEN UPDATE SET"
            + " stop_ms = t.stop_ms + ?, stop_count = t.stop_count + ? WHEN NOT MATCHED THEN INSERT (scope, period_id,"
            + " reason_code, stop_ms, stop_count) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<Integer, Long> e : t.stopMillis().entrySet()) {
                String code = MasterData.code(e.getKey());
                int count = t.stops().getOrDefault(e.getKey(), 0);
                p.setString(1, scope);
                p.setString(2, t.id());
                p.setString(3, code);
                p.setLong(4, e.getValue());
                p.setInt(5, count);
                p.setString(6, scope);
                p.setString(7, t.id());
                p.setString(8, code);
                p.setLong(9, e.getValue());
                p.setInt(10, count);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /** Good units the plant counted for each of the given orders so far. */
    Map<String, Long> goodCounted(List<String> orderIds) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT good_count FROM sim_truth_period WHERE scope = 'order'"
            + " AND period_id = ?")) {
            for (String id : orderIds) {
                p.setString(1, id);
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) {
                        out.put(id, rs.getLong(1));
                    }
                }
            }
        }
        return out;
    }

}
