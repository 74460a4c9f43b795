package io.convergence.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.convergence.api.bus.SampleBus;
import io.convergence.api.historian.Historian;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.Sample;
import io.convergence.api.point.SampleBatch;
import io.convergence.core.Recorder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Nothing the bus carried is dropped without being counted when the recorder's surroundings change:
 * the bus closes, the recorder stops, the historian's or the recorder's configuration changes while
 * samples are published. And a graceful stop ends each recorded series with a gap marker in the time
 * base of its own samples.
 */
class RecorderLifecycleTest {

    static final int POINTS = 20;

    @TempDir
    Path tmp;

    @Test
    void closingTheBusDeliversWhatWasQueuedToTheHistorian() throws Exception {
        try (Recording rec = new Recording(tmp.resolve("data"), Map.of())) {
            Historian h = rec.historian();
            Recording.recorder();
            PointPath[] points = burst(Recording.bus(), "bus-close", 200, 5_000);
            ComponentDescriptionDTO bus = Recording.disable("SampleBusImpl");
            try {
                long count = 0;
                for (PointPath p : points) {
                    long[] cb = Recording.countAndBad(h, p);
                    count += cb[0];
                    assertEquals(1, cb[1], "the series of " + p + " ends with a gap: the recording stopped");
                }
                assertEquals(200 * 5_000, count, "everything published before the bus closed is stored");
            } finally {
                Recording.enable(bus);
            }
        }
    }

    @Test
    void stoppingTheRecorderStoresWhatItHeld() throws Exception {
        try (Recording rec = new Recording(tmp.resolve("data"), Map.of())) {
            Historian h = rec.historian();
            Recording.recorder();
            PointPath[] points = burst(Recording.bus(), "recorder-stop", 200, 5_000);
            ComponentDescriptionDTO recorder = Recording.disable("RecorderImpl");
            try {
                long count = 0;
                for (PointPath p : points) {
                    count += Recording.countAndBad(h, p)[0];
                }
                assertEquals(200 * 5_000, count, "everything published before the recorder stopped is stored");
            } finally {
                Recording.enable(recorder);
            }
        }
    }

    @Test
    void changingTheHistoriansAndTheRecordersConfigurationWhilePublishingLosesNothing() throws Exception {
        try (Recording rec = new Recording(tmp.resolve("data"), Map.of())) {
            rec.historian();
            Recorder first = Recording.recorder();
            long dropped = first.status().dropped();
            long stored = first.status().stored();
            Recording.Publisher pub = new Recording.Publisher(Recording.bus(), "reconfigure", POINTS, 500, 5,
                Micros.now());
            try (pub) {
                Thread.sleep(700);
                io.convergence.testing.Osgi.config(Recording.RECORDER_PID, Map.of("maxAppendSamples", 50_000));
                Thread.sleep(700);
                rec.reconfigureHistorian(Map.of("memoryLimitMb", 256));
                Thread.sleep(700);
                rec.reconfigureHistorian(Map.of("memoryLimitMb", 128));
                Thread.sleep(700);
                io.convergence.testing.Osgi.config(Recording.RECORDER_PID, Map.of("maxAppendSamples", 100_000));
                Thread.sleep(700);
            }
            Recorder now = Recording.recorder();
            assertTrue(now.flush(Duration.ofSeconds(20)), now.status().toString());
            Historian h = rec.historian();
            long count = 0;
            for (PointPath p : pub.points) {
                long[] cb = Recording.countAndBad(h, p);
                count += cb[0];
                assertEquals(0, cb[1], "no gap: the queue was handed over, nothing missed");
            }
            assertEquals(pub.published.get(), count, "everything published across four reconfigurations is stored");
            assertEquals(dropped, now.status().dropped());
            assertEquals(pub.published.get(), now.status().stored() - stored, "the counts go on across recorders");
            System.out.println("[recorder] " + pub.published.get() + " samples published across two historian and two"
                + " recorder reconfigurations: all stored, no gap");
        }
    }

    @Test
    void aGracefulStopEndsEverySeriesJustAfterItsLastSampleInItsOwnTimeBase() throws Exception {
        try (Recording rec = new Recording(tmp.resolve("data"), Map.of())) {
            Historian h = rec.historian();
            Recorder r = Recording.recorder();
            SampleBus bus = Recording.bus();
            PointPath fast = PointPath.parse("plant/skewed/fast");
            PointPath slow = PointPath.parse("plant/skewed/slow");
            PointPath ended = PointPath.parse("plant/skewed/ended");
            // A source whose clock runs an hour and a half behind this machine's.
            long base = Micros.now() - 5_400_000_000L;
            SampleBatch.Builder b = SampleBatch.builder(64);
            for (int i = 0; i < 10; i++) {
                b.add(fast, base + i * 100_000L, i, Quality.GOOD);
            }
            b.add(slow, base + 250_000L, 1, Quality.GOOD);
            b.add(ended, base, 1, Quality.GOOD).addGap(ended, base + 300_000L);
            bus.publish(b.build());
            assertTrue(r.flush(Duration.ofSeconds(10)));

            assertEquals(2, r.endSeries(), "fast and slow; ended ends with a gap already");
            assertGapAfter(h, fast, base + 900_000L);
            assertGapAfter(h, slow, base + 250_000L);
            assertEquals(1, Recording.countAndBad(h, ended)[1]);
            assertEquals(0, r.endSeries(), "nothing new since");

            // Recording goes on for one point, then the recorder stops: it ends that series itself.
            bus.publish(SampleBatch.builder(1).add(fast, base + 2_000_000L, 20, Quality.GOOD).build());
            assertTrue(r.flush(Duration.ofSeconds(10)));
            ComponentDescriptionDTO recorder = Recording.disable("RecorderImpl");
            try {
                assertGapAfter(h, fast, base + 2_000_000L);
                assertEquals(2, Recording.countAndBad(h, fast)[1]);
                assertEquals(1, Recording.countAndBad(h, slow)[1], "not marked twice");
            } finally {
                Recording.enable(recorder);
            }
        }
    }

    private static void assertGapAfter(Historian h, PointPath p, long lastMicros) throws Exception {
        List<Sample> end = h.samples(p, Micros.toInstant(lastMicros), Instant.MAX, 10);
        assertEquals(2, end.size(), p + ": " + end);
        assertEquals(Micros.toInstant(lastMicros + 1), end.get(1).time(), "just after the last sample, in its time base");
        assertEquals(Quality.BAD, end.get(1).quality());
        assertNull(end.get(1).value());
    }

    /** Publishes a burst as fast as the bus takes it, leaving a backlog behind the historian. */
    private static PointPath[] burst(SampleBus bus, String prefix, int batches, int rows) {
        PointPath[] points = new PointPath[POINTS];
        for (int i = 0; i < POINTS; i++) {
            points[i] = PointPath.of("test", prefix, "p" + i);
        }
        long t = Micros.now();
        for (int k = 0; k < batches; k++) {
            SampleBatch.Builder b = SampleBatch.builder(rows);
            for (int i = 0; i < rows; i++) {
                b.add(points[i % POINTS], t++, k, Quality.GOOD);
            }
            bus.publish(b.build());
        }
        return points;
    }
}
