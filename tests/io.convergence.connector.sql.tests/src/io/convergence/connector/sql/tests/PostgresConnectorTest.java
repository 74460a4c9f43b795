package io.convergence.connector.sql.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.convergence.api.business.BusinessData;
import io.convergence.api.business.BusinessDataChange;
import io.convergence.api.business.Product;
import io.convergence.api.business.ProductionOrder;
import io.convergence.api.business.RecordKind;
import io.convergence.api.business.Shift;
import io.convergence.api.business.WorkCenter;
import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorProblem;
import io.convergence.api.connector.ConnectorState;
import io.convergence.api.connector.ConnectorState.Status;
import io.convergence.api.point.PointPath;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SQL connector on a real PostgreSQL server started by the test, with an ERP schema of another
 * shape (short German column names, status codes, local timestamps, milliseconds and minutes),
 * mapped to records by the queries alone.
 */
class PostgresConnectorTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DB = "plant_erp";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static PostgresServer pg;

    @BeforeAll
    static void cluster() throws Exception {
        pg = PostgresServer.start();
        pg.execute("postgres", "CREATE DATABASE " + DB, "CREATE USER reporting PASSWORD 'report-secret'");
        pg.execute(DB,
            "CREATE SEQUENCE chg",
            "CREATE TABLE mat (matnr VARCHAR(18) PRIMARY KEY, maktx VARCHAR(40), meins VARCHAR(3), cycle_ms INTEGER,"
                + " setup_min NUMERIC, cost NUMERIC(10,4), price NUMERIC(10,4), waers CHAR(3))",
            "CREATE TABLE arbpl (arbpl VARCHAR(8) PRIMARY KEY, ktext VARCHAR(40), uns_path TEXT, rate NUMERIC(10,2),"
                + " waers CHAR(3))",
            "CREATE TABLE auf (aufnr VARCHAR(12) PRIMARY KEY, matnr VARCHAR(18), arbpl VARCHAR(8), gamng NUMERIC(13,3),"
                + " gltrp TIMESTAMP, gstrp TIMESTAMP, gltrs TIMESTAMP, isdd TIMESTAMP, iedd TIMESTAMP, stat VARCHAR(4),"
                + " chg BIGINT NOT NULL DEFAULT nextval('chg'))",
            "CREATE TABLE schicht (id TEXT PRIMARY KEY, name TEXT, arbpl TEXT, beginn TIMESTAMPTZ, ende TIMESTAMPTZ, tz TEXT)",
            "INSERT INTO mat VALUES ('M-1', 'Still water 0.5 l', 'BOT', 90, 15, 0.11, 0.19, 'EUR'),"
                + " ('M-2', 'Orange juice 1 l', 'BOT', 140, 20, 0.48, 0.79, 'EUR')",
            "INSERT INTO arbpl VALUES ('L1', 'Filling line 1', 'acme/lyon/packaging/line1', 420.00, 'EUR')",
            "INSERT INTO auf (aufnr, matnr, arbpl, gamng, gltrp, gstrp, gltrs, isdd, iedd, stat) VALUES"
                + " ('4711', 'M-1', 'L1', 12000, '2026-11-04 14:00', '2026-11-04 06:00', '2026-11-04 06:30',"
                + " '2026-11-04 06:02', '2026-11-04 06:41', 'TECO'),"
                + " ('4712', 'M-2', 'L1', 8000.000, '2026-11-04 16:00', '2026-11-04 06:30', '2026-11-04 07:10',"
                + " '2026-11-04 06:41', NULL, 'PCNF'),"
                + " ('4713', 'M-1', 'L1', 20000, '2026-11-05 08:00', '2026-11-04 07:10', '2026-11-04 08:00', NULL, NULL, 'REL')",
            "INSERT INTO schicht VALUES ('A-1104', 'A', NULL, '2026-11-04 06:00+01', '2026-11-04 14:00+01', 'Europe/Paris'),"
                + " ('X-1104', 'handover', 'L1', '2026-11-04 13:30+01', '2026-11-04 14:30+01', 'Europe/Paris')",
            "GRANT SELECT ON ALL TABLES IN SCHEMA public TO reporting");
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @AfterEach
    void stopConnectors() throws Exception {
        Connectors.stopAll();
    }

    private static Map<String, Object> config(String id) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("url", pg.url(DB));
        p.put("username", "reporting");
        p.put("password", "report-secret");
        p.put("pollSeconds", 0.3);
        p.put("maxReconnectDelaySeconds", 1);
        p.put("zone", "Europe/Paris");
        p.put("productsQuery", "SELECT matnr AS id, maktx AS name, meins AS unit, cycle_ms / 1000.0 AS ideal_cycle_seconds,"
            + " setup_min * 60 AS changeover_seconds, cost AS unit_cost, price, waers AS currency FROM mat");
        p.put("workCentersQuery", "SELECT arbpl AS id, ktext AS name, uns_path AS path, rate AS cost_rate_per_hour,"
            + " waers AS currency FROM arbpl");
        p.put("ordersQuery", "SELECT aufnr AS id, matnr AS product_id, arbpl AS work_center_id, gamng AS quantity,"
            + " gltrp AS due, gstrp AS planned_start, gltrs AS planned_end, isdd AS actual_start, iedd AS actual_end,"
            + " CASE stat WHEN 'CRTD' THEN 'planned' WHEN 'REL' THEN 'released' WHEN 'PCNF' THEN 'running'"
            + " WHEN 'TECO' THEN 'completed' ELSE 'cancelled' END AS state, chg FROM auf");
        p.put("ordersChangeColumn", "chg");
        p.put("shiftsQuery", "SELECT id, name, arbpl AS work_center_id, beginn AS start_time, ende AS end_time, tz AS zone"
            + " FROM schicht");
        return p;
    }

    private static Instant paris(String local) {
        return java.time.LocalDateTime.parse(local).atZone(PARIS).toInstant();
    }

    @Test
    void recordsReadMatchTheDatabaseWhateverItsColumnsAreCalled() throws Exception {
        Connector c = Connectors.start(config("pg-erp"));
        ConnectorState s = Connectors.await(c, Status.CONNECTED, WAIT);
        assertTrue(s.detail().contains("2 products, 1 work centre, 3 orders, 2 shifts from " + pg.url(DB) + " as reporting"),
            s.detail());
        BusinessData data = Connectors.businessData("pg-erp");
        assertEquals(List.of(new Product("M-1", "Still water 0.5 l", "BOT", 0.09, 900, 0.11, 0.19, "EUR"),
            new Product("M-2", "Orange juice 1 l", "BOT", 0.14, 1200, 0.48, 0.79, "EUR")), data.products());
        assertEquals(List.of(new WorkCenter("L1", "Filling line 1", PointPath.parse("acme/lyon/packaging/line1"), 420, "EUR")),
            data.workCenters());
        assertEquals(new ProductionOrder("4712", "M-2", "L1", 8000, paris("2026-11-04T16:00"), paris("2026-11-04T06:30"),
            paris("2026-11-04T07:10"), paris("2026-11-04T06:41"), null, ProductionOrder.State.RUNNING),
            data.order("4712").orElseThrow(), "local times of a TIMESTAMP column are in the configured zone");
        assertEquals("4712", data.orderAt("L1", paris("2026-11-04T07:00")).orElseThrow().id());
        assertEquals("4711", data.orderAt("L1", paris("2026-11-04T06:40")).orElseThrow().id());
        assertEquals(List.of("4711", "4712"), data.orders("L1", paris("2026-11-04T06:00"), paris("2026-11-04T07:00"))
            .stream().map(ProductionOrder::id).toList());
        List<Shift> at1345 = data.shifts("L1", paris("2026-11-04T13:45"), paris("2026-11-04T13:46"));
        assertEquals(List.of("A-1104", "X-1104"), at1345.stream().map(Shift::id).toList(), "overlapping shifts");
        assertEquals(List.of("A-1104"), data.shifts("L2", paris("2026-11-04T13:45"), paris("2026-11-04T13:46"))
            .stream().map(Shift::id).toList(), "a shift of every line applies to L2 too; the handover only to L1");
    }

    @Test
    void aChangeColumnPollOnPostgresPicksUpExactlyTheNewAndChangedRows() throws Exception {
        Connectors.await(Connectors.start(config("pg-changes")), Status.CONNECTED, WAIT);
        BusinessData data = Connectors.businessData("pg-changes");
        try (Connectors.Changes changes = new Connectors.Changes(data)) {
            pg.execute(DB, "INSERT INTO auf (aufnr, matnr, arbpl, gamng, gltrp, gstrp, gltrs, stat) VALUES"
                + " ('4714', 'M-2', 'L1', 5000, '2026-11-05 12:00', '2026-11-04 08:00', '2026-11-04 08:30', 'CRTD')");
            BusinessDataChange added = changes.next(ch -> ch.kind() == RecordKind.PRODUCTION_ORDER && !ch.isEmpty(), WAIT);
            assertEquals(new BusinessDataChange("pg-changes", RecordKind.PRODUCTION_ORDER, Set.of("4714"), Set.of(),
                Set.of()), added);
            pg.execute(DB, "UPDATE auf SET stat = 'REL', chg = nextval('chg') WHERE aufnr = '4714'");
            BusinessDataChange changed = changes.next(ch -> ch.kind() == RecordKind.PRODUCTION_ORDER && !ch.isEmpty(), WAIT);
            assertEquals(Set.of("4714"), changed.changed());
            assertEquals(ProductionOrder.State.RELEASED, data.order("4714").orElseThrow().state());
        } finally {
            pg.execute(DB, "DELETE FROM auf WHERE aufnr = '4714'");
        }
    }

    @Test
    void aWrongPasswordIsAnAuthenticationProblem() throws Exception {
        Map<String, Object> p = config("pg-wrong");
        p.put("password", "guess");
        ConnectorState s = Connectors.await(Connectors.start(p), Status.FAILED, WAIT);
        assertEquals(ConnectorProblem.AUTHENTICATION, s.problem().type(), s.toString());
        assertEquals("28P01", s.problem().attributes().get("sqlState"));
        assertTrue(s.detail().contains("password authentication failed for user \"reporting\""), s.detail());
    }

    @Test
    void aServerThatStopsMakesTheConnectorReconnectUntilItIsBack() throws Exception {
        Connector c = Connectors.start(config("pg-restart"));
        Connectors.await(c, Status.CONNECTED, WAIT);
        pg.stopServer();
        try {
            ConnectorState s = Connectors.await(c, Status.RECONNECTING, WAIT);
            assertEquals(ConnectorProblem.UNREACHABLE, s.problem().type(), s.toString());
        } finally {
            pg.startServer();
        }
        Connectors.await(c, Status.CONNECTED, WAIT);
        assertEquals(3, Connectors.businessData("pg-restart").orders("L1", Instant.MIN, Instant.MAX).size());
    }
}
