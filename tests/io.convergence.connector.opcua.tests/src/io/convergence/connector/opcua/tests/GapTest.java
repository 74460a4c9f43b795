package io.convergence.connector.opcua.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorState.Status;
import io.convergence.api.event.Event;
import io.convergence.api.event.EventBus;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.testing.Osgi;

import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the server could not deliver is marked with a gap on the samples' own time base: a queue
 * overflow, a notification lost on the way, an outage of a server whose clock is off from ours.
 */
class GapTest {

    private static final PointPath FAST = PointPath.parse("Line/Fast");
    private static final PointPath SLOW = PointPath.parse("Line/Slow");

    @TempDir
    Path temp;

    private static void layout(TestServer s) {
        UaFolderNode line = s.a().folder(null, "Line", "line");
        s.a().variable(line, "Fast", "line/fast", NodeIds.Double, 1.0);
        s.a().variable(line, "Slow", "line/slow", NodeIds.Double, 2.0);
    }

    private Map<String, Object> settings(TestServer server) {
        Map<String, Object> p = new HashMap<>();
        p.put("endpoint", server.endpoint());
        p.put("pkiDir", temp.resolve("client-pki").toString());
        p.put("samplingIntervalMs", 0.0);
        return p;
    }

    @Test
    void aServerQueueOverflowIsAGapAndAnUncertainValueAndAnEvent() throws Exception {
        String id = "opcua-gap-overflow";
        Instant start = Instant.now();
        try (SampleCollector samples = new SampleCollector("test-gap-overflow");
             TestServer server = TestServer.start(Fixture.freePort(), temp.resolve("server-pki"),
                 TestServer.Options.plain(), GapTest::layout)) {
            Map<String, Object> p = settings(server);
            p.put("publishingIntervalMs", 1000.0);
            p.put("queueSize", 3);
            Connector c = Fixture.startConnector(id, p);
            Fixture.awaitState(c, Status.CONNECTED, Duration.ofSeconds(30));
            Fixture.waitFor("the first value", Duration.ofSeconds(10), () -> value(samples, FAST, 1.0));
            for (int i = 1; i <= 10; i++) {
                server.a().set("line/fast", 100.0 + i);
            }
            Fixture.waitFor("the last value", Duration.ofSeconds(10), () -> value(samples, FAST, 110.0));

            List<SampleCollector.Row> rows = samples.of(FAST).rows();
            int first = indexOf(rows, 1.0);
            List<SampleCollector.Row> after = rows.subList(first + 1, rows.size());
            assertTrue(after.size() < 11, "the server dropped values: " + after);
            assertTrue(after.stream().anyMatch(SampleCollector.Row::gap), "a gap marker: " + after);
            SampleCollector.Row gap = after.stream().filter(SampleCollector.Row::gap).findFirst().orElseThrow();
            SampleCollector.Row next = after.get(after.indexOf(gap) + 1);
            assertTrue(gap.micros() > rows.get(first).micros() && gap.micros() < next.micros(),
                "the marker lies between the values it separates: " + rows);
            assertTrue(after.stream().anyMatch(r -> !r.gap() && r.quality() == Quality.UNCERTAIN),
                "the value with the overflow flag is uncertain: " + after);
            Event e = event(id, "queue-overflow", start);
            assertTrue(e.message().contains("Line/Fast") && e.message().contains("queueSize"), e.message());
            assertTrue(samples.of(SLOW).rows().stream().noneMatch(SampleCollector.Row::gap), "other points unaffected");
        } finally {
            Fixture.stopConnector(id);
        }
    }

    @Test
    void aNotificationTheServerCannotResendIsAGapForEveryPointOfTheSubscription() throws Exception {
        String id = "opcua-gap-lost";
        Instant start = Instant.now();
        try (SampleCollector samples = new SampleCollector("test-gap-lost");
             TestServer server = TestServer.start(Fixture.freePort(), temp.resolve("server-pki"),
                 TestServer.Options.plain(), GapTest::layout)) {
            Connector c = Fixture.startConnector(id, settings(server));
            Fixture.awaitState(c, Status.CONNECTED, Duration.ofSeconds(30));
            Fixture.waitFor("the first values", Duration.ofSeconds(10),
                () -> value(samples, FAST, 1.0) != null && value(samples, SLOW, 2.0) != null ? Boolean.TRUE : null);

            server.loseNextNotification();
            server.a().set("line/fast", 200.0);
            Fixture.waitFor("the notification dropped", Duration.ofSeconds(10),
                () -> server.notificationsLost() == 1 ? Boolean.TRUE : null);
            server.a().set("line/fast", 201.0);
            Fixture.waitFor("the next value", Duration.ofSeconds(15), () -> value(samples, FAST, 201.0));

            List<SampleCollector.Row> fast = samples.of(FAST).rows();
            assertTrue(fast.stream().noneMatch(r -> Double.valueOf(200.0).equals(r.value())), "lost: " + fast);
            SampleCollector.Row before = fast.get(indexOf(fast, 1.0));
            SampleCollector.Row after = fast.get(indexOf(fast, 201.0));
            SampleCollector.Row gap = fast.stream().filter(SampleCollector.Row::gap).findFirst()
                .orElseThrow(() -> new AssertionError("no gap marker: " + fast));
            assertTrue(gap.micros() > before.micros() && gap.micros() < after.micros(),
                "the marker lies between the values it separates: " + fast);
            assertTrue(samples.of(SLOW).rows().stream().anyMatch(SampleCollector.Row::gap),
                "every point of the subscription may have lost a change: " + samples.of(SLOW).rows());
            event(id, "notifications-lost", start);
        } finally {
            Fixture.stopConnector(id);
        }
    }

    @Test
    void anOutageOfAServerWithAnotherClockIsMarkedOnThatClock() throws Exception {
        String id = "opcua-gap-clock";
        Duration offset = Duration.ofHours(-1);
        int port = Fixture.freePort();
        Path pki = temp.resolve("server-pki");
        TestServer.Options options = TestServer.Options.plain().withClockOffset(offset);
        try (SampleCollector samples = new SampleCollector("test-gap-clock")) {
            Connector c;
            SampleCollector.Row last;
            try (TestServer server = TestServer.start(port, pki, options, GapTest::layout)) {
                Map<String, Object> p = settings(server);
                p.put("maxReconnectDelayMs", 3000);
                c = Fixture.startConnector(id, p);
                Fixture.awaitState(c, Status.CONNECTED, Duration.ofSeconds(30));
                server.a().set("line/fast", 300.0);
                last = Fixture.waitFor("a value", Duration.ofSeconds(10), () -> value(samples, FAST, 300.0));
                assertTrue(last.micros() < Micros.now() - 3_000_000_000L, "the server's clock is an hour behind");
            }
            Fixture.awaitState(c, Status.RECONNECTING, Duration.ofSeconds(20));
            SampleCollector.Row gap = Fixture.waitFor("a gap marker", Duration.ofSeconds(10),
                () -> samples.of(FAST).rows().stream().filter(SampleCollector.Row::gap).findFirst().orElse(null));
            try (TestServer server = TestServer.start(port, pki, options, GapTest::layout)) {
                Fixture.awaitState(c, Status.CONNECTED, Duration.ofSeconds(30));
                server.a().set("line/fast", 301.0);
                SampleCollector.Row next = Fixture.waitFor("a value after the outage", Duration.ofSeconds(10),
                    () -> value(samples, FAST, 301.0));
                assertTrue(gap.micros() > last.micros() && gap.micros() < next.micros(),
                    "the marker lies between the samples it separates, on the server's clock: last " + last
                        + ", gap " + gap + ", next " + next);
            }
        } finally {
            Fixture.stopConnector(id);
        }
    }

    private static SampleCollector.Row value(SampleCollector samples, PointPath point, double v) {
        return samples.of(point).rows().stream().filter(r -> !r.gap() && Double.valueOf(v).equals(r.value()))
            .findFirst().orElse(null);
    }

    private static int indexOf(List<SampleCollector.Row> rows, double v) {
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).gap() && Double.valueOf(v).equals(rows.get(i).value())) {
                return i;
            }
        }
        throw new AssertionError("no value " + v + " in " + rows);
    }

    private static Event event(String source, String reason, Instant since) throws Exception {
        return Fixture.waitFor("an event " + reason, Duration.ofSeconds(10), () -> Osgi.await(EventBus.class).recent(1000)
            .stream().filter(e -> e.source().equals(source) && e.type().equals("opcua.data-lost")
                && reason.equals(e.attributes().get("reason")) && !e.time().isBefore(since)).findFirst().orElse(null));
    }
}
