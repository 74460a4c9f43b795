package io.convergence.sim.erp.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.convergence.api.business.PlannedStop;
import io.convergence.api.business.Product;
import io.convergence.api.business.ReasonCode;
import io.convergence.api.business.Shift;
import io.convergence.api.business.TariffPeriod;
import io.convergence.api.business.WorkCenter;
import io.convergence.sim.erp.internal.model.MasterData;

import org.jspecify.annotations.Nullable;

/**
 * The SQL the simulated ERP runs on its own database, through the owner's connection. Not
 * thread-safe: the ERP calls it from its one database thread.
 */
final class ErpDatabase {

    private final Connection c;

    ErpDatabase(Connection owner) {
        this.c = owner;
    }

    /** Creates the tables and the reporting user, who may read every table and change nothing. */
    void create(String user, String password) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(ErpSchema.DDL);
            s.execute("CREATE USER \"" + user + "\" PASSWORD '" + password.replace("'", "''") + "'");
            for (String t : ErpSchema.TABLES) {
                s.execute("GRANT SELECT ON " + t + " TO \"" + user + "\"");
            }
        }
    }

    void insert(List<Product> products, WorkCenter line, List<ReasonCode> reasons) throws SQLException {
        OffsetDateTime now = now();
        try (PreparedStatement p = c.prepareStatement("INSERT INTO material_definition (id, name, unit, ideal_cycle_s,"
            + " setup_s, unit_cost, price, currency, changed_at, row_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " NEXT VALUE FOR erp_change)")) {
            for (Product x : products) {
                p.setString(1, x.id());
                p.setString(2, x.name());
                p.setString(3, x.unit());
                p.setDouble(4, x.idealCycleSeconds());
                p.setDouble(5, x.changeoverSeconds());
                p.setBigDecimal(6, java.math.BigDecimal.valueOf(x.unitCost()));
                p.setBigDecimal(7, java.math.BigDecimal.valueOf(x.price()));
                p.setString(8, x.currency());
                p.setObject(9, now);
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO work_center (id, name, equipment_path,"
            + " cost_rate_per_hour, currency, changed_at, row_version) VALUES (?, ?, ?, ?, ?, ?, NEXT VALUE FOR erp_change)")) {
            p.setString(1, line.id());
            p.setString(2, line.name());
            p.setString(3, line.path().toString());
            p.setBigDecimal(4, java.math.BigDecimal.valueOf(line.costRatePerHour()));
            p.setString(5, line.currency());
            p.setObject(6, now);
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO reason_code (code, text, loss_category, planned,"
            + " changed_at, row_version) VALUES (?, ?, ?, ?, ?, NEXT VALUE FOR erp_change)")) {
            for (ReasonCode r : reasons) {
                p.setString(1, r.code());
                p.setString(2, r.text());
                p.setString(3, r.category().name().toLowerCase(Locale.ROOT));
                p.setBoolean(4, r.planned());
                p.setObject(5, now);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    void insertCalendar(List<Shift> shifts, List<PlannedStop> stops) throws SQLException {
        OffsetDateTime now = now();
        try (PreparedStatement p = c.prepareStatement("INSERT INTO shift (id, name, work_center_id, start_time, end_time,"
            + " time_zone, changed_at, row_version) VALUES (?, ?, ?, ?, ?, ?, ?, NEXT VALUE FOR erp_change)")) {
            for (Shift s : shifts) {
                p.setString(1, s.id());
                p.setString(2, s.name());
                p.setString(3, s.workCenterId());
                p.setObject(4, time(s.start()));
                p.setObject(5, time(s.end()));
                p.setString(6, s.zone().getId());
                p.setObject(7, now);
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO planned_stop (id, work_center_id, kind, reason_code,"
            + " start_time, end_time, description, changed_at, row_version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, NEXT VALUE FOR erp_change)")) {
            for (PlannedStop s : stops) {
                p.setString(1, s.id());
                p.setString(2, s.workCenterId());
                p.setString(3, s.kind().name().toLowerCase(Locale.ROOT));
                p.setString(4, s.reasonCode());
                p.setObject(5, time(s.start()));
                p.setObject(6, time(s.end()));
                p.setString(7, s.description());
                p.setObject(8, now);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    void insertTariff(List<TariffPeriod> periods) throws SQLException {
        OffsetDateTime now = now();
        try (PreparedStatement p = c.prepareStatement("INSERT INTO energy_tariff (id, name, start_time, end_time,"
            + " price_per_kwh, currency, changed_at, row_version) VALUES (?, ?, ?, ?, ?, ?, ?, NEXT VALUE FOR erp_change)")) {
            for (TariffPeriod t : periods) {
                p.setString(1, t.id());
                p.setString(2, t.name());
                p.setObject(3, time(t.start()));
                p.setObject(4, time(t.end()));
                p.setBigDecimal(5, java.math.BigDecimal.valueOf(t.pricePerKwh()));
                p.setString(6, t.currency());
                p.setObject(7, now);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /** An order as the ERP keeps it. */
    record OrderRow(String id, String product, String line, long quantity, Instant due, @Nullable Instant plannedStart,
                    @Nullable Instant plannedEnd, @Nullable Instant actualStart, String state, long sequence) {
    }

    void insertOrder(OrderRow o) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO production_order (id, material_id, work_center_id,"
            + " quantity, due_time, planned_start, planned_end, state, sequence_no, changed_at, row_version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NEXT VALUE FOR erp_change)")) {
            p.setString(1, o.id());
            p.setString(2, o.product());
            p.setString(3, o.line());
            p.setLong(4, o.quantity());
            p.setObject(5, time(o.due()));
            setTime(p, 6, o.plannedStart());
            setTime(p, 7, o.plannedEnd());
            p.setString(8, o.state());
            p.setLong(9, o.sequence());
            p.setObject(10, now());
            p.executeUpdate();
        }
    }

    /** The orders of a line not yet finished (planned, released, running), in sequence. */
    List<OrderRow> openOrders(String line) throws SQLException {
        List<OrderRow> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT id, material_id, work_center_id, quantity, due_time,"
            + " planned_start, planned_end, actual_start, state, sequence_no FROM production_order"
            + " WHERE work_center_id = ? AND state IN ('planned', 'released', 'running') ORDER BY sequence_no, id")) {
            p.setString(1, line);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new OrderRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        instant(rs, 5), instantOrNull(rs, 6), instantOrNull(rs, 7), instantOrNull(rs, 8), rs.getString(9),
                        rs.getLong(10)));
                }
            }
        }
        return out;
    }

    /** The product of the order the line finished last, if any. */
    @Nullable String lastCompletedProduct(String line) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT material_id FROM production_order WHERE work_center_id = ?"
            + " AND state = 'completed' ORDER BY actual_end DESC NULLS LAST LIMIT 1")) {
            p.setString(1, line);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The number and product of the order created last, or null when there is none. */
    @Nullable OrderRow lastCreated() throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, material_id, work_center_id,"
            + " quantity, due_time, planned_start, planned_end, actual_start, state, sequence_no FROM production_order"
            + " ORDER BY sequence_no DESC LIMIT 1")) {
            return rs.next() ? new OrderRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                instant(rs, 5), instantOrNull(rs, 6), instantOrNull(rs, 7), instantOrNull(rs, 8), rs.getString(9),
                rs.getLong(10)) : null;
        }
    }

    /** Moves an order's planned times; a change only when they differ. */
    void plan(String id, Instant start, Instant end) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE production_order SET planned_start = ?, planned_end = ?,"
            + " changed_at = ?, row_version = NEXT VALUE FOR erp_change WHERE id = ?"
            + " AND (planned_start IS DISTINCT FROM ? OR planned_end IS DISTINCT FROM ?)")) {
            p.setObject(1, time(start));
            p.setObject(2, time(end));
            p.setObject(3, now());
            p.setString(4, id);
            p.setObject(5, time(start));
            p.setObject(6, time(end));
            p.executeUpdate();
        }
    }

    /** Releases the planned orders that start before {@code horizon}. */
    int release(Instant horizon) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE production_order SET state = 'released', changed_at = ?,"
            + " row_version = NEXT VALUE FOR erp_change WHERE state = 'planned' AND planned_start < ?")) {
            p.setObject(1, now());
            p.setObject(2, time(horizon));
            return p.executeUpdate();
        }
    }

    /**
     * Marks an open order running from {@code at}; an order running already (a restarted plant
     * resumes it) keeps its start. False when the order is not open any more (cancelled meanwhile).
     */
    boolean started(String id, Instant at) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE production_order SET state = 'running', actual_start = ?,"
            + " changed_at = ?, row_version = NEXT VALUE FOR erp_change WHERE id = ? AND actual_start IS NULL"
            + " AND state IN ('planned', 'released')")) {
            p.setObject(1, time(at));
            p.setObject(2, now());
            p.setString(3, id);
            if (p.executeUpdate() == 1) {
                return true;
            }
        }
        try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM production_order WHERE id = ?"
            + " AND state = 'running'")) {
            p.setString(1, id);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() && rs.getLong(1) == 1;
            }
        }
    }

    /** Marks a running order completed at {@code at}; false when it is not running (cancelled meanwhile). */
    boolean completed(String id, Instant at) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE production_order SET state = 'completed', actual_end = ?,"
            + " changed_at = ?, row_version = NEXT VALUE FOR erp_change WHERE id = ? AND state = 'running'")) {
            p.setObject(1, time(at));
            p.setObject(2, now());
            p.setString(3, id);
            return p.executeUpdate() == 1;
        }
    }

    /** The products by id. */
    Map<String, Product> products() throws SQLException {
        Map<String, Product> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, name, unit, ideal_cycle_s,"
            + " setup_s, unit_cost, price, currency FROM material_definition")) {
            while (rs.next()) {
                out.put(rs.getString(1), new Product(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
                    rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getString(8)));
            }
        }
        return out;
    }

    /** The planned stops that apply to the line and overlap {@code [from, to)}, by start. */
    List<PlannedStop> plannedStops(String line, Instant from, Instant to) throws SQLException {
        List<PlannedStop> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT id, work_center_id, kind, reason_code, start_time, end_time,"
            + " description FROM planned_stop WHERE (work_center_id IS NULL OR work_center_id = ?) AND start_time < ?"
            + " AND end_time > ? ORDER BY start_time")) {
            p.setString(1, line);
            p.setObject(2, time(to));
            p.setObject(3, time(from));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new PlannedStop(rs.getString(1), rs.getString(2),
                        PlannedStop.Kind.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)), rs.getString(4),
                        instant(rs, 5), instant(rs, 6), rs.getString(7)));
                }
            }
        }
        return out;
    }

    /** The shifts that apply to the line and overlap {@code [from, to)}, by start. */
    List<Shift> shifts(String line, Instant from, Instant to) throws SQLException {
        List<Shift> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT id, name, work_center_id, start_time, end_time, time_zone"
            + " FROM shift WHERE (work_center_id IS NULL OR work_center_id = ?) AND start_time < ? AND end_time > ?"
            + " ORDER BY start_time")) {
            p.setString(1, line);
            p.setObject(2, time(to));
            p.setObject(3, time(from));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new Shift(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4), instant(rs, 5),
                        java.time.ZoneId.of(rs.getString(6))));
                }
            }
        }
        return out;
    }

    /** The latest end of a shift in the calendar, or null when it is empty. */
    @Nullable Instant calendarEnd() throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(end_time) FROM shift")) {
            return rs.next() ? instantOrNull(rs, 1) : null;
        }
    }

    void commit() throws SQLException {
        c.commit();
    }

    void rollback() {
        try {
            c.rollback();
        } catch (SQLException e) {
            // the connection is gone: nothing left to undo
        }
    }

    static OffsetDateTime time(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    private static void setTime(PreparedStatement p, int i, @Nullable Instant t) throws SQLException {
        if (t == null) {
            p.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            p.setObject(i, time(t));
        }
    }

    private static OffsetDateTime now() {
        return time(Instant.now());
    }

    static Instant instant(ResultSet rs, int i) throws SQLException {
        return rs.getObject(i, OffsetDateTime.class).toInstant();
    }

    static @Nullable Instant instantOrNull(ResultSet rs, int i) throws SQLException {
        OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
