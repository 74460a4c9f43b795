package io.convergence.sim.erp.tests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.convergence.sim.erp.SimulatedErp;
import io.convergence.testing.Osgi;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.jdbc.DataSourceFactory;

/** Starts and stops the simulated ERP through ConfigurationAdmin, and reads it as a JDBC client. */
final class ErpFixture {

    static final String PLANT_PID = "io.convergence.sim.plant";

    private ErpFixture() {
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * Configures the ERP on a free port, waits for it, and takes the planned stops of the next hours out
     * of its calendar (see {@link #clearCalendarNearNow}), for tests in which the line is to run orders.
     */
    static SimulatedErp start(long seed, Map<String, ?> more) throws IOException {
        SimulatedErp erp = startAsGenerated(seed, more);
        clearCalendarNearNow(erp);
        return erp;
    }

    /** Configures the ERP on a free port and waits for it; its tables are as generated. */
    static SimulatedErp startAsGenerated(long seed, Map<String, ?> more) throws IOException {
        int port = freePort();
        Map<String, Object> p = new HashMap<>(more);
        p.put("port", port);
        p.put("seed", seed);
        p.putIfAbsent("password", "erp-secret");
        Osgi.config(SimulatedErp.PID, p);
        return Osgi.await(SimulatedErp.class, "(port=" + port + ")", Duration.ofSeconds(60));
    }

    /**
     * Takes the planned stops of the next hours out of the ERP's calendar, as a planner would. The tests run
     * at any time of day; in a break of the generated calendar (half an hour three times a day) or its weekly
     * maintenance (two hours) the line holds and runs no order, and a test waiting for one would fail. The
     * line reads the calendar again within a second.
     */
    static void clearCalendarNearNow(SimulatedErp erp) {
        Instant now = Instant.now();
        try (Connection owner = erp.openAsOwner();
             PreparedStatement p = owner.prepareStatement("DELETE FROM planned_stop WHERE end_time > ? AND start_time < ?")) {
            p.setObject(1, now.minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC));
            p.setObject(2, now.plus(Duration.ofHours(6)).atOffset(ZoneOffset.UTC));
            p.executeUpdate();
            owner.commit();
        } catch (SQLException e) {
            throw new AssertionError("could not clear the ERP's calendar: " + e.getMessage(), e);
        }
    }

    /** Deletes the configurations of the ERP and the plant and waits until both are gone. */
    static void stopAll() throws Exception {
        ConfigurationAdmin ca = Osgi.await(ConfigurationAdmin.class);
        for (String pid : List.of(PLANT_PID, SimulatedErp.PID)) {
            Configuration[] configs = ca.listConfigurations("(service.pid=" + pid + ")");
            if (configs != null) {
                for (Configuration c : configs) {
                    c.delete();
                }
            }
        }
        BundleContext ctx = Osgi.context(ErpFixture.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (ctx.getServiceReference(SimulatedErp.class) != null
            || ctx.getServiceReference(io.convergence.sim.plant.PlantSimulator.class) != null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the ERP or the plant did not stop within 20 s");
            }
            Thread.sleep(20);
        }
    }

    /** A JDBC connection through the H2 driver's OSGi DataSourceFactory, as any bundle gets one. */
    static Connection connect(String url, String user, String password) throws SQLException {
        DataSourceFactory f = Osgi.await(DataSourceFactory.class,
            "(" + DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=org.h2.Driver)", Duration.ofSeconds(10));
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return f.createDriver(null).connect(url, p);
    }

    /** Every row of a query, each as a list of its column values. */
    static List<List<Object>> rows(Connection c, String sql) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    /** The single value of a query. */
    static Object value(Connection c, String sql) throws SQLException {
        List<List<Object>> r = rows(c, sql);
        if (r.size() != 1 || r.get(0).size() != 1) {
            throw new AssertionError("expected one value from " + sql + ", got " + r);
        }
        return r.get(0).get(0);
    }
}
