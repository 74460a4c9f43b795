package io.convergence.demo.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import io.convergence.api.config.ConfigurationService;
import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorState;
import io.convergence.api.model.ModelHost;
import io.convergence.api.model.ModelStatus;
import io.convergence.api.oee.OeeFigures;
import io.convergence.api.oee.OeeService;
import io.convergence.api.oee.Period;
import io.convergence.api.point.PointPath;
import io.convergence.demo.Demo;
import io.convergence.demo.Presets;
import io.convergence.sim.erp.SimulatedErp;
import io.convergence.testing.Osgi;
import io.convergence.testing.SimulatedPlant;
import io.convergence.testing.Wait;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * End to end, as the demo runs: the simulated ERP plans two short orders (a changeover between
 * them), the simulated plant runs them, the OPC UA connector and the recorder store the filler's
 * state, reason and counters, the SQL connector brings the ERP's orders, products and reason codes,
 * and the OEE model on the model host computes each order. Its figures must be what the plant's own
 * account (the ERP's {@code sim_*} tables, booked tick by tick) says happened.
 *
 * <p>Tolerances. The plant stamps values with its clock at its 100-ms ticks and the connector samples
 * and publishes every 100 ms with those source times, so a state change is placed to the tick; one
 * shorter than a sampling interval can be missed: 0.5 s per order covers a few. A counter reading
 * stamped t counts the units made since the reading before (at most ~100 ms, about one unit at
 * 0.085-0.09 s a unit); the ERP starts the next order at the tick the good count reaches the
 * quantity, so at each of an order's two ends a unit or two can fall on the other side: 3 units.
 * The fractions follow from those bounds (about 120 units in 12 s per order): 0.04.
 */
class RecordedOeeMatchesTheSimulationTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final PointPath LINE = PointPath.parse(Presets.SIM_LINE);
    static final String PASSWORD = "e2e-secret";
    /** Ids of their own, not the demo's: nothing of another test's demo can stand in for them. */
    static final String ERP = "e2e-erp";
    static final String MODEL = "oee-e2e";
    static final double SECONDS = 0.5;
    static final long UNITS = 3;
    static final double FRACTION = 0.04;

    @TempDir
    Path dir;

    @Test
    void theOeeOfTheRecordedOrdersIsWhatThePlantDid() throws Exception {
        ConfigurationService config = Osgi.await(ConfigurationService.class, "", WAIT);
        int plantPort = SimulatedPlant.freePort();
        int erpPort = SimulatedPlant.freePort();
        try {
            config.apply("e2e:historian", Presets.historian(dir.resolve("data")));
            config.apply("e2e:erp", Presets.erp(erpPort, 42, PASSWORD));
            // This run's ERP, not one still going away (a demo run before).
            SimulatedErp erp = Osgi.await(SimulatedErp.class, "(port=" + erpPort + ")", WAIT);
            try (Connection owner = erp.openAsOwner(); Statement s = owner.createStatement()) {
                // The line waits for orders (a planned stop) until the test has everything recording.
                s.executeUpdate("UPDATE production_order SET state = 'cancelled' WHERE state IN ('planned', 'released')");
                s.executeUpdate("UPDATE material_definition SET setup_s = 3 WHERE id = 'SODA-033'");
                // The test runs at any hour: a break or the weekly maintenance of the generated calendar would
                // hold the line, and the orders would not be done in time. The planner takes them out.
                try (PreparedStatement p = owner.prepareStatement("DELETE FROM planned_stop WHERE end_time > ?"
                    + " AND start_time < ?")) {
                    Instant now = Instant.now();
                    p.setObject(1, now.minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC));
                    p.setObject(2, now.plus(Duration.ofHours(6)).atOffset(ZoneOffset.UTC));
                    p.executeUpdate();
                }
                owner.commit();
            }
            config.apply("e2e:plant", Presets.simulator(plantPort, 0, 42, dir.resolve("sim-pki")));
            Osgi.await(Demo.class, "", WAIT).awaitPlant(plantPort, WAIT);
            config.apply("e2e:connector", Presets.opcua("plant", Presets.simulatorEndpoint(plantPort), dir.resolve("pki"),
                Map.of()));
            config.apply("e2e:erp-connector", Presets.sqlErp(ERP, Presets.erpUrl(erpPort), Presets.ERP_USER, PASSWORD));
            config.apply("e2e:oee", Presets.oee(MODEL, ERP));
            SimulatedPlant.awaitState(Osgi.await(Connector.class, "(" + Connector.ID_PROPERTY + "=plant)", WAIT),
                ConnectorState.Status.CONNECTED, WAIT);
            SimulatedPlant.awaitState(Osgi.await(Connector.class, "(" + Connector.ID_PROPERTY + "=" + ERP + ")", WAIT),
                ConnectorState.Status.CONNECTED, WAIT);
            ModelHost host = Osgi.await(ModelHost.class, "", WAIT);
            Wait.until("the OEE model running", WAIT, () -> host.models().stream()
                .anyMatch(m -> m.id().equals(MODEL) && m.state() == ModelStatus.State.RUNNING));

            try (Connection owner = erp.openAsOwner()) {
                order(owner, "E2E-1", "WATER-050", 120, -2);
                order(owner, "E2E-2", "SODA-033", 120, -1);
                owner.commit();
            }
            OeeService oee = Osgi.await(OeeService.class, "", WAIT);
            Instant since = Instant.now().minusSeconds(60);
            List<OeeFigures> orders = Wait.forValue("both orders closed by the OEE model", Duration.ofSeconds(90), () -> {
                List<OeeFigures> f = oee.figures(LINE, Period.ORDER, since, Instant.now().plusSeconds(1)).stream()
                    .filter(o -> o.complete() && o.order() != null && o.order().startsWith("E2E-")).toList();
                return f.size() == 2 ? f : null;
            });

            try (Connection c = connect(erp)) {
                Set<String> planned = strings(c, "SELECT code FROM reason_code WHERE planned");
                Set<String> performance = strings(c, "SELECT code FROM reason_code WHERE loss_category = 'performance'");
                for (OeeFigures f : orders) {
                    Truth t = truth(c, f.order(), planned, performance);
                    String what = f.order() + ": computed " + f + "; the plant did " + t;
                    System.out.printf("%s: planned %.3f/%.3f s, run %.3f/%.3f s, total %d/%d, good %d/%d, availability "
                        + "%.4f/%.4f, performance %.4f/%.4f, quality %.4f/%.4f, OEE %.4f/%.4f (computed/truth)%n",
                        f.order(), f.plannedSeconds(), t.planned(), f.runSeconds(), t.run(), f.totalCount(), t.total(),
                        f.goodCount(), t.good(), f.availability(), t.availability(), f.performance(), t.performance(),
                        f.quality(), t.quality(), f.oee(), t.oee());
                    assertEquals(t.ideal(), f.idealCycleSeconds(), 1e-9, what);
                    assertEquals(t.from(), f.from(), what);
                    assertEquals(t.planned(), f.plannedSeconds(), SECONDS, what);
                    assertEquals(t.run(), f.runSeconds(), SECONDS, what);
                    assertEquals(t.total(), f.totalCount(), UNITS, what);
                    assertEquals(t.good(), f.goodCount(), UNITS, what);
                    assertEquals(t.availability(), f.availability(), FRACTION, what);
                    assertEquals(t.performance(), f.performance(), FRACTION, what);
                    assertEquals(t.quality(), f.quality(), FRACTION, what);
                    assertEquals(t.oee(), f.oee(), FRACTION, what);
                }
                assertTrue(orders.get(1).losses().setupSeconds() + orders.get(1).losses().smallStopSeconds() >= 3 - SECONDS,
                    "the 3-s changeover to soda is a loss of E2E-2: " + orders.get(1));
            }
        } finally {
            for (String part : List.of("oee", "erp-connector", "connector", "plant", "erp", "historian")) {
                config.remove("e2e:" + part);
            }
        }
        Wait.until("the plant's connector gone", WAIT, () -> Osgi.find(Connector.class) == null);
    }

    /**
     * What the plant booked for an order, in the OEE model's terms: planned time is the order's window
     * less planned stops (breaks, maintenance, no orders); run time is the filler running plus its
     * small stops (a performance reason, or shorter than the model's 30-s limit).
     */
    record Truth(Instant from, double planned, double run, long total, long good, double ideal) {
        double availability() {
            return run / planned;
        }

        double performance() {
            return ideal * total / run;
        }

        double quality() {
            return total == 0 ? 1 : (double) good / total;
        }

        double oee() {
            return ideal * good / planned;
        }
    }

    static Truth truth(Connection c, String order, Set<String> planned, Set<String> performance) throws SQLException {
        Instant start;
        Instant end;
        double ideal;
        try (PreparedStatement p = c.prepareStatement("SELECT o.actual_start, o.actual_end, m.ideal_cycle_s"
            + " FROM production_order o JOIN material_definition m ON m.id = o.material_id WHERE o.id = ?")) {
            p.setString(1, order);
            try (ResultSet r = p.executeQuery()) {
                assertTrue(r.next(), order);
                start = r.getObject(1, OffsetDateTime.class).toInstant();
                end = r.getObject(2, OffsetDateTime.class).toInstant();
                ideal = r.getDouble(3);
            }
        }
        long runMs;
        long good;
        long reject;
        try (PreparedStatement p = c.prepareStatement("SELECT run_ms, good_count, reject_count FROM sim_truth_period"
            + " WHERE scope = 'order' AND period_id = ?")) {
            p.setString(1, order);
            try (ResultSet r = p.executeQuery()) {
                assertTrue(r.next(), "the plant's account of " + order);
                runMs = r.getLong(1);
                good = r.getLong(2);
                reject = r.getLong(3);
            }
        }
        long window = Duration.between(start, end).toMillis();
        long plannedStop = 0;
        long small = 0;
        try (PreparedStatement p = c.prepareStatement("SELECT reason_code, stop_ms FROM sim_truth_stop_time"
            + " WHERE scope = 'order' AND period_id = ?")) {
            p.setString(1, order);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    if (planned.contains(r.getString(1))) {
                        plannedStop += r.getLong(2);
                    } else if (performance.contains(r.getString(1))) {
                        small += r.getLong(2);
                    }
                }
            }
        }
        try (PreparedStatement p = c.prepareStatement("SELECT reason_code, start_time, end_time FROM sim_stop"
            + " WHERE order_id = ?")) {
            p.setString(1, order);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    String code = r.getString(1);
                    long ms = Duration.between(r.getObject(2, OffsetDateTime.class).toInstant(),
                        r.getObject(3, OffsetDateTime.class).toInstant()).toMillis();
                    if (!planned.contains(code) && !performance.contains(code) && ms < 30_000) {
                        small += ms;
                    }
                }
            }
        }
        return new Truth(start, (window - plannedStop) / 1000.0, (runMs + small) / 1000.0, good + reject, good, ideal);
    }

    static Set<String> strings(Connection c, String sql) throws SQLException {
        Set<String> out = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    static Connection connect(SimulatedErp erp) throws SQLException {
        DataSourceFactory f = Osgi.await(DataSourceFactory.class,
            "(" + DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=org.h2.Driver)", WAIT);
        Properties p = new Properties();
        p.setProperty("user", erp.user());
        p.setProperty("password", PASSWORD);
        return f.createDriver(null).connect(erp.jdbcUrl(), p);
    }

    static void order(Connection c, String id, String product, long quantity, long sequence) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO production_order (id, material_id, work_center_id,"
            + " quantity, due_time, planned_start, planned_end, state, sequence_no, changed_at, row_version)"
            + " VALUES (?, ?, 'LINE1', ?, ?, ?, ?, 'released', ?, ?, NEXT VALUE FOR erp_change)")) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            p.setString(1, id);
            p.setString(2, product);
            p.setLong(3, quantity);
            p.setObject(4, now.plusHours(1));
            p.setObject(5, now);
            p.setObject(6, now.plusMinutes(1));
            p.setLong(7, sequence);
            p.setObject(8, now);
            p.executeUpdate();
        }
    }
}
