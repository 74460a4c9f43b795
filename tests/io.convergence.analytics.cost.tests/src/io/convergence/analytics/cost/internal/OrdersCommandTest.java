package io.convergence.analytics.cost.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import io.convergence.api.config.ConfigurationService;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;
import io.convergence.demo.Presets;
import io.convergence.historian.duckdb.DuckDbHistorianStore;
import io.convergence.historian.duckdb.StoreOptions;
import io.convergence.sim.erp.SimulatedErp;
import io.convergence.testing.Osgi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code convergence orders} through the product's command line, on the simulated ERP (H2 over TCP,
 * read by the SQL connector) and a data folder holding the OEE model's recorded figures of an order.
 */
class OrdersCommandTest {

    static final PointPath LINE = PointPath.parse("acme/lyon/packaging/line1");
    static final String PASSWORD = "erp-secret";

    @TempDir
    static Path dir;

    static SimulatedErp erp;
    static Path data;
    static Path passwordFile;
    static long quantity;
    static double unitCost;
    static Instant due;
    static Instant end;

    @BeforeAll
    static void start() throws Exception {
        ConfigurationService config = Osgi.await(ConfigurationService.class);
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        config.apply("test:erp", Presets.erp(port, 42, PASSWORD));
        erp = Osgi.await(SimulatedErp.class, "(port=" + port + ")", Duration.ofSeconds(60));
        Instant start = erp.anchor();
        end = start.plus(Duration.ofHours(1));
        try (Connection c = erp.openAsOwner()) {
            try (PreparedStatement p = c.prepareStatement("UPDATE production_order SET state = 'completed', actual_start = ?,"
                + " actual_end = ?, row_version = NEXT VALUE FOR erp_change WHERE id = 'PO-100001'")) {
                p.setObject(1, start.atOffset(ZoneOffset.UTC));
                p.setObject(2, end.atOffset(ZoneOffset.UTC));
                p.executeUpdate();
            }
            c.commit();
            try (ResultSet r = c.createStatement().executeQuery("SELECT o.quantity, o.due_time, m.unit_cost FROM"
                + " production_order o JOIN material_definition m ON m.id = o.material_id WHERE o.id = 'PO-100001'")) {
                r.next();
                quantity = r.getLong(1);
                due = r.getObject(2, OffsetDateTime.class).toInstant();
                unitCost = r.getDouble(3);
            }
        }
        data = Files.createDirectories(dir.resolve("data"));
        try (TestHistorian h = new TestHistorian(data)) {
            String figures = String.format(Locale.ROOT, """
                {"line":"%s","period":"ORDER","from":"%s","to":"%s","complete":true,"shift":null,"order":"PO-100001",
                 "product":null,"definition":"COMMON","plannedSeconds":3600,"runSeconds":3300,"idealCycleSeconds":0.1,
                 "totalCount":%d,"goodCount":%d,"availability":0.9167,"performance":0.9,"quality":0.99,"oee":0.8125,
                 "losses":{"breakdownSeconds":300,"setupSeconds":0,"smallStopSeconds":0,"reducedSpeedSeconds":0,
                 "startupRejectSeconds":0,"productionRejectSeconds":12}}""", LINE, start, end, quantity + 120, quantity);
            String stop = String.format(Locale.ROOT, """
                {"line":"%s","start":"%s","end":"%s","reasonCode":"1","reasonText":"jam","category":"AVAILABILITY",
                 "planned":false,"micro":false,"corrected":false}""", LINE, start.plusSeconds(600), start.plusSeconds(900));
            SampleBatch.Builder b = SampleBatch.builder(2);
            b.addJson(LINE.child("oee").child("order"), start.getEpochSecond() * 1_000_000, figures, Quality.GOOD);
            b.addJson(LINE.child("oee").child("stops"), start.plusSeconds(600).getEpochSecond() * 1_000_000, stop, Quality.GOOD);
            h.historian.append(b.build());
        }
        passwordFile = Files.writeString(dir.resolve("erp-password"), PASSWORD + "\n");
    }

    @AfterAll
    static void stop() throws Exception {
        Osgi.await(ConfigurationService.class).remove("test:erp");
    }

    @Test
    void theOrderViewsTableWithCostsAsJson() throws Exception {
        CommandLineRun.Result r = CommandLineRun.run(dir, "orders", "--data", data.toString(), "--erp", erp.jdbcUrl(),
            "--user", "erp", "--password-file", passwordFile.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode rows = new ObjectMapper().readTree(r.out());
        JsonNode done = null;
        for (JsonNode row : rows) {
            if (row.get("order").asText().equals("PO-100001")) {
                done = row;
            }
        }
        assertTrue(done != null, r.out());
        assertEquals("completed", done.get("state").asText());
        assertEquals(LINE.toString(), done.get("line").asText());
        assertEquals(quantity, done.get("goodCount").asLong());
        assertEquals(1.0, done.get("progress").asDouble(), 1e-9);
        assertEquals(0.8125, done.get("oee").asDouble(), 1e-9);
        assertEquals(120 * unitCost, done.get("scrapCost").asDouble(), 1e-9, "120 rejects x the product's unit cost");
        assertEquals("EUR", done.get("currency").asText());
        assertEquals(end.toString(), done.get("forecastEnd").asText(), "a completed order ends when it ended");
        assertEquals(end.isAfter(due), done.get("late").asBoolean());
        assertTrue(rows.size() > 1, "the open orders follow: " + r.out());
    }

    @Test
    void theTableNamesItsColumns() throws Exception {
        CommandLineRun.Result r = CommandLineRun.run(dir, "orders", "--data", data.toString(), "--erp", erp.jdbcUrl(),
            "--user", "erp", "--password-file", passwordFile.toString(), "--line", LINE.toString());
        assertEquals(0, r.code(), r.err());
        System.out.print(r.out() + r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].matches("order\\s+product\\s+line\\s+state\\s+quantity\\s+good\\s+progress\\s+oee\\s+scrap cost"
            + "\\s+forecast end\\s+due\\s+late"), lines[0]);
        assertTrue(r.out().contains(String.format(Locale.ROOT, "%.2f EUR", 120 * unitCost)), r.out());
        assertTrue(lines[1].startsWith("PO-100001"), r.out());
        assertTrue(lines[1].contains("100.0%") && lines[1].contains("81.3%"), lines[1]);
    }

    @Test
    void aDataFolderInUseIsReportedWithItsReason() throws Exception {
        // Held by a historian of this process, as a running demo holds its folder: the command's own
        // historian cannot open it, and the command says why instead of waiting for it.
        try (DuckDbHistorianStore holder = DuckDbHistorianStore.open(data, StoreOptions.DEFAULTS)) {
            CommandLineRun.Result r = CommandLineRun.run(dir, "orders", "--data", data.toString());
            assertEquals(1, r.code(), r.err());
            assertTrue(r.err().contains("historian.duckdb is in use by another historian in this process"), r.err());
        }
    }

    @Test
    void missingErpOrOeeDataIsAClearError() throws Exception {
        CommandLineRun.Result noErp = CommandLineRun.run(dir, "orders", "--data", data.toString());
        assertEquals(1, noErp.code());
        assertTrue(noErp.err().contains("no ERP data: give --erp JDBC-URL"), noErp.err());

        Path empty = Files.createDirectories(dir.resolve("empty"));
        CommandLineRun.Result noOee = CommandLineRun.run(dir, "orders", "--data", empty.toString(), "--erp", erp.jdbcUrl(),
            "--user", "erp", "--password-file", passwordFile.toString());
        assertEquals(1, noOee.code());
        assertTrue(noOee.err().contains("no OEE figures in --data " + empty), noOee.err());

        Path wrong = Files.writeString(dir.resolve("wrong"), "not-the-password\n");
        CommandLineRun.Result denied = CommandLineRun.run(dir, "orders", "--data", data.toString(), "--erp", erp.jdbcUrl(),
            "--user", "erp", "--password-file", wrong.toString());
        assertEquals(1, denied.code());
        assertTrue(denied.err().contains("no ERP data from --erp") && denied.err().contains("erp"), denied.err());

        CommandLineRun.Result otherLine = CommandLineRun.run(dir, "orders", "--data", data.toString(), "--line", "acme/x");
        assertEquals(1, otherLine.code());
        assertTrue(otherLine.err().contains("no OEE figures for line acme/x"), otherLine.err());

        CommandLineRun.Result badFormat = CommandLineRun.run(dir, "orders", "--data", data.toString(), "--format", "xml");
        assertEquals(2, badFormat.code());
        assertTrue(badFormat.err().contains("--format xml: expected table, csv or json"), badFormat.err());

        CommandLineRun.Result password = CommandLineRun.run(dir, "orders", "--data", data.toString(), "--password", "x");
        assertEquals(2, password.code());

        // A password file without the user it belongs to is a usage error, not an anonymous login.
        CommandLineRun.Result noUser = CommandLineRun.run(dir, "orders", "--data", data.toString(), "--erp", erp.jdbcUrl(),
            "--password-file", passwordFile.toString());
        assertEquals(2, noUser.code(), noUser.err());
        assertTrue(noUser.err().contains("--password-file is the password of --user, which is not given"), noUser.err());
    }
}
