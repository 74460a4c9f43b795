package io.convergence.connector.opcua.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorState.Status;
import io.convergence.api.historian.Historian;
import io.convergence.api.historian.PointSummary;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.Sample;
import io.convergence.testing.Osgi;

import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection: the OPC UA server dies ten times while 1,000 of its points are recorded into the
 * historian. Every outage must be a gap marker on every point, everything the bus carried must be
 * stored, and the connector must be back after each restart. (The server's transport is torn down
 * without any OPC UA farewell, as a crash leaves it; releng/scripts/opcua-outages.sh does the same
 * with SIGKILL to a server process on another stack, for longer.)
 */
class ServerOutageTest {

    static final String HISTORIAN_PID = "io.convergence.historian.duckdb";
    private static final int CELLS = 10;
    private static final int PER_CELL = 100;
    private static final int OUTAGES = 10;
    private static final String ID = "opcua-outages";

    @TempDir
    Path temp;

    @Test
    void tenServerCrashesDuringARecordingOfAThousandPointsAreTenMarkedGapsAndNothingLost() throws Exception {
        Osgi.config(HISTORIAN_PID, Map.of("dataDir", temp.resolve("historian").toString()));
        Historian historian = Osgi.await(Historian.class);
        int port = Fixture.freePort();
        Path pki = temp.resolve("server-pki");
        List<PointPath> points = new ArrayList<>();
        for (int i = 0; i < CELLS * PER_CELL; i++) {
            points.add(PointPath.of("Plant", "Cell" + i / PER_CELL, "v" + i));
        }
        AtomicReference<TestServer> server = new AtomicReference<>(TestServer.start(port, pki,
            TestServer.Options.plain(), ServerOutageTest::layout));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(() -> tick(server.get()), 0, 200, TimeUnit.MILLISECONDS);
        Instant start = Instant.now();
        long began = System.nanoTime();
        try (SampleCollector bus = new SampleCollector("test-outages")) {
            Connector c = Fixture.startConnector(ID, Map.of("endpoint", server.get().endpoint(),
                "pkiDir", temp.resolve("client-pki").toString(), "maxReconnectDelayMs", 1000, "requestTimeoutMs", 2000));
            for (int outage = 0; outage <= OUTAGES; outage++) {
                long since = System.nanoTime();
                Fixture.awaitState(c, Status.CONNECTED, Duration.ofSeconds(30));
                Fixture.waitFor("new values for all " + points.size() + " points", Duration.ofSeconds(20),
                    () -> bus.withoutValueSince(points, since).isEmpty() ? Boolean.TRUE : null,
                    () -> ": missing " + bus.withoutValueSince(points, since).size() + ", " + c.state());
                if (outage == OUTAGES) {
                    break;
                }
                long killed = System.nanoTime();
                server.getAndSet(null).close();
                Fixture.waitFor("a gap marker for every point", Duration.ofSeconds(20),
                    () -> bus.withoutGapSince(points, killed).isEmpty() ? Boolean.TRUE : null,
                    () -> ": missing " + bus.withoutGapSince(points, killed).size() + ", " + c.state());
                server.set(TestServer.start(port, pki, TestServer.Options.plain(), ServerOutageTest::layout));
            }
            Fixture.stopConnector(ID);
            ticker.shutdownNow();

            // Everything the bus carried for these points is stored: values and markers.
            long carried = 0;
            for (PointPath p : points) {
                carried += bus.of(p).values.get() + bus.of(p).gaps.get();
            }
            long expected = carried;
            long stored = Fixture.waitFor("the historian to hold all " + carried + " samples", Duration.ofSeconds(30),
                () -> stored(historian, points) >= expected ? stored(historian, points) : null,
                () -> ": " + stored(historian, points));
            assertEquals(carried, stored, "samples carried by the bus and stored");

            int checked = 0;
            for (PointPath p : points.stream().filter(p -> p.name().endsWith("7")).toList()) {
                List<Sample> history = historian.samples(p, start, Instant.now().plusSeconds(60), 100_000);
                int gaps = 0;
                for (int i = 0; i < history.size(); i++) {
                    Sample s = history.get(i);
                    if (s.value() == null && s.quality() == Quality.BAD) {
                        gaps++;
                        assertTrue(i == 0 || history.get(i - 1).value() != null, p + ": two markers in a row: " + history);
                    }
                }
                // one per outage, and one where the connector stopped
                assertEquals(OUTAGES + 1, gaps, p + ": " + history);
                checked++;
            }
            assertEquals(100, checked);
            System.out.printf("outages=%d points=%d carried=%d stored=%d seconds=%.1f%n", OUTAGES, points.size(), carried,
                stored, (System.nanoTime() - began) / 1e9);
        } finally {
            ticker.shutdownNow();
            Fixture.stopConnector(ID);
            TestServer s = server.get();
            if (s != null) {
                s.close();
            }
            var config = Fixture.admin().getConfiguration(HISTORIAN_PID, "?");
            if (config.getProperties() != null) {
                config.delete();
            }
        }
    }

    private static long stored(Historian h, List<PointPath> points) {
        try {
            long n = 0;
            for (PointSummary s : h.points()) {
                if (points.contains(s.point())) {
                    n += s.count();
                }
            }
            return n;
        } catch (Exception e) {
            return -1;
        }
    }

    private static void layout(TestServer s) {
        UaFolderNode plant = s.a().folder(null, "Plant", "plant");
        for (int c = 0; c < CELLS; c++) {
            UaFolderNode cell = s.a().folder(plant, "Cell" + c, "cell" + c);
            for (int i = c * PER_CELL; i < (c + 1) * PER_CELL; i++) {
                s.a().variable(cell, "v" + i, "v" + i, NodeIds.Double, 0.0);
            }
        }
    }

    /** Every point changes each tick; values follow the clock, so a restarted server goes on where it was. */
    private static void tick(TestServer s) {
        if (s == null) {
            return;
        }
        long t = System.currentTimeMillis() / 200;
        try {
            for (int i = 0; i < CELLS * PER_CELL; i++) {
                s.a().set("v" + i, t + i / 10_000.0);
            }
        } catch (RuntimeException e) {
            // the server is going down
        }
    }
}
