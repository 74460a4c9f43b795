package io.convergence.sim.erp.tests;

import static io.convergence.sim.erp.tests.ErpFixture.connect;
import static io.convergence.sim.erp.tests.ErpFixture.rows;
import static io.convergence.sim.erp.tests.ErpFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.convergence.sim.erp.SimulatedErp;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated ERP as a database client sees it: H2 over TCP on loopback. */
class SimulatedErpTest {

    @AfterEach
    void stop() throws Exception {
        ErpFixture.stopAll();
    }

    @Test
    void aClientReadsTheDocumentedTablesOverTcp() throws Exception {
        SimulatedErp erp = ErpFixture.startAsGenerated(42, Map.of());
        assertTrue(erp.jdbcUrl().startsWith("jdbc:h2:tcp://127.0.0.1:" + erp.port() + "/"), erp.jdbcUrl());
        try (Connection c = connect(erp.jdbcUrl(), "erp", "erp-secret")) {
            assertEquals(6L, value(c, "SELECT COUNT(*) FROM material_definition WHERE ideal_cycle_s > 0 AND price > unit_cost"));
            assertEquals(List.of(List.of("LINE1", "acme/lyon/packaging/line1", "EUR")),
                rows(c, "SELECT id, equipment_path, currency FROM work_center"));
            assertEquals(List.of(List.of("10"), List.of("11"), List.of("12")),
                rows(c, "SELECT code FROM reason_code WHERE planned ORDER BY code"));
            assertEquals(11L, value(c, "SELECT COUNT(*) FROM reason_code"));
            assertEquals(1L, value(c, "SELECT COUNT(*) FROM shift WHERE start_time <= CURRENT_TIMESTAMP"
                + " AND end_time > CURRENT_TIMESTAMP"), "exactly one shift now");
            assertEquals(1L, value(c, "SELECT COUNT(*) FROM energy_tariff WHERE start_time <= CURRENT_TIMESTAMP"
                + " AND end_time > CURRENT_TIMESTAMP"));
            assertTrue((Long) value(c, "SELECT COUNT(*) FROM planned_stop WHERE kind = 'break'") >= 10);

            List<List<Object>> orders = rows(c, "SELECT id, state, planned_start, planned_end, due_time, quantity"
                + " FROM production_order ORDER BY sequence_no");
            assertTrue(orders.size() > 20, "two days of orders: " + orders.size());
            assertEquals("PO-100001", orders.get(0).get(0));
            Instant firstStart = ((OffsetDateTime) orders.get(0).get(2)).toInstant();
            assertFalse(firstStart.isBefore(erp.anchor()), "the first order is planned from the ERP's start");
            // ... or from the end of the planned stop it started in (the weekly maintenance takes two hours).
            Instant free = erp.anchor();
            for (List<Object> stop : rows(c, "SELECT start_time, end_time FROM planned_stop ORDER BY start_time")) {
                Instant from = ((OffsetDateTime) stop.get(0)).toInstant();
                Instant to = ((OffsetDateTime) stop.get(1)).toInstant();
                if (!from.isAfter(free) && to.isAfter(free)) {
                    free = to;
                }
            }
            assertTrue(firstStart.isBefore(free.plusSeconds(3600)), "the first order starts at " + firstStart
                + ", the ERP at " + erp.anchor() + ", free of planned stops from " + free);
            assertEquals("released", orders.get(0).get(1));
            for (int i = 1; i < orders.size(); i++) {
                assertEquals(orders.get(i - 1).get(3), orders.get(i).get(2), "order " + orders.get(i).get(0)
                    + " is planned to start when the one before ends (or after a planned stop)");
            }
            assertEquals("planned", orders.get(orders.size() - 1).get(1), "orders far ahead are not released yet");
            long versions = (Long) value(c, "SELECT COUNT(DISTINCT row_version) FROM production_order");
            assertEquals(orders.size(), versions, "every row has its own version");
        }
    }

    @Test
    void theReportingAccountOnlyReadsAndAWrongPasswordIsRefused() throws Exception {
        SimulatedErp erp = ErpFixture.startAsGenerated(42, Map.of());
        try (Connection c = connect(erp.jdbcUrl(), "erp", "erp-secret")) {
            SQLException e = assertThrows(SQLException.class,
                () -> c.createStatement().executeUpdate("UPDATE production_order SET quantity = 1"));
            assertTrue(e.getMessage().contains("Not enough rights"), e.getMessage());
        }
        SQLException e = assertThrows(SQLException.class, () -> connect(erp.jdbcUrl(), "erp", "wrong"));
        assertEquals("28000", e.getSQLState(), e.getMessage());
        try (Connection owner = erp.openAsOwner()) {
            assertEquals(1, owner.createStatement().executeUpdate("UPDATE work_center SET name = 'Line one'"),
                "the owner may change things");
        }
    }

    @Test
    void theDatabaseListensOnLoopbackOnly() throws Exception {
        SimulatedErp erp = ErpFixture.startAsGenerated(42, Map.of());
        List<InetAddress> others = new ArrayList<>();
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                    others.add(a);
                }
            }
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", erp.port()), 2000);
        }
        for (InetAddress a : others) {
            try (Socket s = new Socket()) {
                assertThrows(IOException.class, () -> s.connect(new InetSocketAddress(a, erp.port()), 2000),
                    "the database must not listen on " + a);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameOrderBookAndCalendar() throws Exception {
        List<List<Object>> first = content(ErpFixture.startAsGenerated(42, Map.of()));
        ErpFixture.stopAll();
        List<List<Object>> again = content(ErpFixture.startAsGenerated(42, Map.of()));
        ErpFixture.stopAll();
        List<List<Object>> other = content(ErpFixture.startAsGenerated(7, Map.of()));
        assertEquals(first, again);
        assertNotEquals(first, other);
    }

    @Test
    void aDatabaseInAFolderIsMadeAfreshAndStaysAfterTheStop(@TempDir Path dir) throws Exception {
        SimulatedErp erp = ErpFixture.startAsGenerated(42, Map.of("dataDir", dir.toString()));
        assertEquals("jdbc:h2:tcp://127.0.0.1:" + erp.port() + "/erp", erp.jdbcUrl());
        try (Connection owner = erp.openAsOwner()) {
            owner.createStatement().executeUpdate("UPDATE work_center SET name = 'renamed'");
        }
        ErpFixture.stopAll();
        assertTrue(Files.exists(dir.resolve("erp.mv.db")), "the database file stays for inspection");
        erp = ErpFixture.startAsGenerated(42, Map.of("dataDir", dir.toString()));
        try (Connection c = connect(erp.jdbcUrl(), "erp", "erp-secret")) {
            assertEquals("Packaging line 1", value(c, "SELECT name FROM work_center"), "a new start begins afresh");
        }
    }

    /** What must follow from the seed: products, the order book's ids, products and quantities, the shifts' names. */
    private static List<List<Object>> content(SimulatedErp erp) throws SQLException {
        try (Connection c = connect(erp.jdbcUrl(), "erp", "erp-secret")) {
            List<List<Object>> out = new ArrayList<>();
            out.addAll(rows(c, "SELECT id, name, ideal_cycle_s, setup_s, unit_cost, price FROM material_definition ORDER BY id"));
            out.addAll(rows(c, "SELECT id, material_id, quantity FROM production_order ORDER BY sequence_no"
                + " FETCH FIRST 20 ROWS ONLY"));
            out.addAll(rows(c, "SELECT cost_rate_per_hour FROM work_center"));
            return out;
        }
    }
}
