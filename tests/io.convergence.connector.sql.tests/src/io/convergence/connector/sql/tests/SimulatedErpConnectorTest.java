package io.convergence.connector.sql.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import io.convergence.api.business.BusinessData;
import io.convergence.api.business.BusinessDataChange;
import io.convergence.api.business.LossCategory;
import io.convergence.api.business.PlannedStop;
import io.convergence.api.business.Product;
import io.convergence.api.business.ProductionOrder;
import io.convergence.api.business.ReasonCode;
import io.convergence.api.business.RecordKind;
import io.convergence.api.business.Shift;
import io.convergence.api.business.TariffPeriod;
import io.convergence.api.business.WorkCenter;
import io.convergence.api.config.ConfigurationService;
import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorState;
import io.convergence.api.point.DataType;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.PointRegistry;
import io.convergence.api.point.Quality;
import io.convergence.api.point.Sample;
import io.convergence.demo.Presets;
import io.convergence.sim.erp.SimulatedErp;
import io.convergence.testing.Osgi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SQL connector on the simulated ERP, configured with the configuration the ERP ships
 * ({@link Presets#sqlErp}), as the demo applies it: what models read matches the database.
 */
class SimulatedErpConnectorTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final PointPath ORDER_POINT = PointPath.parse("acme/lyon/packaging/line1/order");

    private static SimulatedErp erp;
    private static Connector connector;
    private static BusinessData data;

    @BeforeAll
    static void start() throws Exception {
        ConfigurationService config = Osgi.await(ConfigurationService.class);
        int port = Connectors.freePort();
        config.apply("test:erp", Presets.erp(port, 42, "erp-secret"));
        erp = Osgi.await(SimulatedErp.class, "(port=" + port + ")", Duration.ofSeconds(60));
        config.apply("test:sql", Presets.sqlErp("erp", erp.jdbcUrl(), Presets.ERP_USER, "erp-secret"));
        connector = Osgi.await(Connector.class, "(" + Connector.ID_PROPERTY + "=erp)", WAIT);
        data = Connectors.businessData("erp");
    }

    @AfterAll
    static void stop() throws Exception {
        ConfigurationService config = Osgi.await(ConfigurationService.class);
        config.remove("test:sql");
        config.remove("test:erp");
        Connectors.stopAll();
    }

    @Test
    void theRecordsModelsReadAreTheDatabasesRows() throws Exception {
        ConnectorState s = Connectors.await(connector, ConnectorState.Status.CONNECTED, WAIT);
        assertTrue(s.detail().contains("6 products") && s.detail().contains("11 reason codes"), s.detail());
        try (Connection c = erp.openAsOwner()) {
            assertEquals(products(c), data.products());
            assertEquals(List.of(new WorkCenter("LINE1", "Packaging line 1", PointPath.parse("acme/lyon/packaging/line1"),
                decimal(c, "SELECT cost_rate_per_hour FROM work_center"), "EUR")), data.workCenters());
            assertEquals(reasonCodes(c), data.reasonCodes());
            assertEventually(() -> orders(c), () -> data.orders("LINE1", Instant.MIN, Instant.MAX));
            assertEventually(() -> shifts(c), () -> data.shifts("LINE1", Instant.MIN, Instant.MAX));
            assertEventually(() -> stops(c), () -> data.plannedStops("LINE1", Instant.MIN, Instant.MAX));
            assertEventually(() -> tariff(c), () -> data.tariff(Instant.MIN, Instant.MAX));
        }
        Instant now = Instant.now();
        assertEquals(1, data.shifts("LINE1", now, now.plusMillis(1)).size(), "one shift now");
        assertEquals(List.of("10", "11", "12"),
            data.reasonCodes().stream().filter(ReasonCode::planned).map(ReasonCode::code).toList());
        assertEquals("LINE1", data.workCenterOf(PointPath.parse("acme/lyon/packaging/line1/filler/state")).orElseThrow().id());
    }

    @Test
    void aChangeColumnPollPicksUpExactlyTheNewAndChangedRows() throws Exception {
        Connectors.await(connector, ConnectorState.Status.CONNECTED, WAIT);
        try (Connectors.Changes changes = new Connectors.Changes(data); Connection c = erp.openAsOwner()) {
            long before = (Long) single(c, "SELECT MAX(row_version) FROM production_order");
            insertOrder(c, "X-1");
            insertOrder(c, "X-2");
            c.commit();
            BusinessDataChange added = changes.next(ch -> ch.kind() == RecordKind.PRODUCTION_ORDER
                && !ch.added().isEmpty(), WAIT);
            assertEquals(Set.of("X-1", "X-2"), added.added(), "exactly the new rows");
            assertEquals(Set.of(), added.removed(), "a change poll removes nothing");
            for (String id : added.changed()) {
                assertTrue((Long) single(c, "SELECT row_version FROM production_order WHERE id = '" + id + "'") > before,
                    id + " is reported changed, so it changed in the database");
            }
            assertEquals(ProductionOrder.State.RELEASED, data.order("X-1").orElseThrow().state());

            c.createStatement().executeUpdate("UPDATE production_order SET state = 'cancelled',"
                + " row_version = NEXT VALUE FOR erp_change WHERE id = 'X-2'");
            c.commit();
            BusinessDataChange changed = changes.next(ch -> ch.changed().contains("X-2"), WAIT);
            assertEquals(Set.of(), changed.added());
            assertEquals(ProductionOrder.State.CANCELLED, data.order("X-2").orElseThrow().state());
        }
    }

    @Test
    void theOrderRunningOnTheLineIsAPointOfTheLine() throws Exception {
        Connectors.await(connector, ConnectorState.Status.CONNECTED, WAIT);
        PointRegistry registry = Osgi.await(PointRegistry.class);
        PointInfo info = registry.find(ORDER_POINT).orElseThrow(() -> new AssertionError("no point " + ORDER_POINT
            + " among " + registry.points()));
        assertEquals(DataType.STRING, info.type());
        assertEquals("erp", info.source());
        try (Connectors.Samples samples = new Connectors.Samples(ORDER_POINT); Connection c = erp.openAsOwner()) {
            Instant started = Instant.parse("2026-11-04T06:00:00Z");
            try (PreparedStatement p = c.prepareStatement("UPDATE production_order SET state = 'running', actual_start = ?,"
                + " row_version = NEXT VALUE FOR erp_change WHERE id = 'PO-100001'")) {
                p.setObject(1, started.atOffset(ZoneOffset.UTC));
                p.executeUpdate();
            }
            c.commit();
            Sample running = samples.next(s -> "PO-100001".equals(s.value()), WAIT);
            assertEquals(started, running.time(), "stamped with the order's actual start");
            assertEquals(Quality.GOOD, running.quality());

            c.createStatement().executeUpdate("UPDATE production_order SET state = 'completed', actual_end = CURRENT_TIMESTAMP,"
                + " row_version = NEXT VALUE FOR erp_change WHERE id = 'PO-100001'");
            c.commit();
            samples.next(s -> "".equals(s.value()), WAIT);
        }
    }

    // ---- the database's rows, read with plain JDBC ---------------------------------------------------

    private static List<Product> products(Connection c) throws SQLException {
        List<Product> out = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT id, name, unit, ideal_cycle_s, setup_s, unit_cost,"
            + " price, currency FROM material_definition ORDER BY id")) {
            while (rs.next()) {
                out.add(new Product(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5),
                    rs.getBigDecimal(6).doubleValue(), rs.getBigDecimal(7).doubleValue(), rs.getString(8)));
            }
        }
        return out;
    }

    private static List<ReasonCode> reasonCodes(Connection c) throws SQLException {
        List<ReasonCode> out = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT code, text, loss_category, planned FROM reason_code"
            + " ORDER BY code")) {
            while (rs.next()) {
                out.add(new ReasonCode(rs.getString(1), rs.getString(2), LossCategory.parse(rs.getString(3)),
                    rs.getBoolean(4)));
            }
        }
        return out;
    }

    private static List<ProductionOrder> orders(Connection c) {
        List<ProductionOrder> out = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT id, material_id, work_center_id, quantity, due_time,"
            + " planned_start, planned_end, actual_start, actual_end, state FROM production_order")) {
            while (rs.next()) {
                out.add(new ProductionOrder(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), t(rs, 5),
                    t(rs, 6), t(rs, 7), t(rs, 8), t(rs, 9), ProductionOrder.State.parse(rs.getString(10))));
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        out.sort(java.util.Comparator.comparing((ProductionOrder o) -> o.start()).thenComparing(ProductionOrder::id));
        return out;
    }

    private static List<Shift> shifts(Connection c) {
        List<Shift> out = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT id, name, work_center_id, start_time, end_time,"
            + " time_zone FROM shift ORDER BY start_time, id")) {
            while (rs.next()) {
                out.add(new Shift(rs.getString(1), rs.getString(2), rs.getString(3), t(rs, 4), t(rs, 5),
                    ZoneId.of(rs.getString(6))));
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    private static List<PlannedStop> stops(Connection c) {
        List<PlannedStop> out = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT id, work_center_id, kind, reason_code, start_time,"
            + " end_time, description FROM planned_stop ORDER BY start_time, id")) {
            while (rs.next()) {
                out.add(new PlannedStop(rs.getString(1), rs.getString(2),
                    PlannedStop.Kind.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)), rs.getString(4), t(rs, 5), t(rs, 6),
                    rs.getString(7)));
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    private static List<TariffPeriod> tariff(Connection c) {
        List<TariffPeriod> out = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT id, name, start_time, end_time, price_per_kwh,"
            + " currency FROM energy_tariff ORDER BY start_time, id")) {
            while (rs.next()) {
                out.add(new TariffPeriod(rs.getString(1), rs.getString(2), t(rs, 3), t(rs, 4),
                    rs.getBigDecimal(5).doubleValue(), rs.getString(6)));
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    private static void insertOrder(Connection c, String id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO production_order (id, material_id, work_center_id,"
            + " quantity, due_time, planned_start, planned_end, state, sequence_no, changed_at, row_version)"
            + " VALUES (?, 'JUICE-100', 'LINE1', 1000, ?, ?, ?, 'released', 999999, ?, NEXT VALUE FOR erp_change)")) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            p.setString(1, id);
            p.setObject(2, now.plusDays(9));
            p.setObject(3, now.plusDays(8));
            p.setObject(4, now.plusDays(8).plusHours(1));
            p.setObject(5, now);
            p.executeUpdate();
        }
    }

    private static Instant t(ResultSet rs, int i) throws SQLException {
        OffsetDateTime o = rs.getObject(i, OffsetDateTime.class);
        return o == null ? null : o.toInstant();
    }

    private static double decimal(Connection c, String sql) throws SQLException {
        return ((java.math.BigDecimal) single(c, sql)).doubleValue();
    }

    private static Object single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1);
        }
    }

    /** The connector polls every 2 s: what it serves may lag the database by one poll. */
    private static <T> void assertEventually(Supplier<T> expected, Supplier<T> actual) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T e = expected.get();
        T a = actual.get();
        while (!e.equals(a) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            e = expected.get();
            a = actual.get();
        }
        assertEquals(e, a);
    }
}
