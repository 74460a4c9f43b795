package io.convergence.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.convergence.api.bus.SampleBus;
import io.convergence.api.event.Event;
import io.convergence.api.historian.Historian;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.Sample;
import io.convergence.api.point.SampleBatch;
import io.convergence.core.Recorder;
import io.convergence.core.RecorderStatus;
import io.convergence.testing.Tmpfs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults of the data and of the disk, with the real bus, recorder and embedded historian: a sample
 * the historian cannot store never stops the others, and a full disk is reported at once, costs
 * nothing but what does not fit in the queue (counted, and marked as a gap), and passes by itself.
 */
class RecorderFaultTest {

    static final PointPath TEMPERATURE = PointPath.parse("plant/oven1/temperature");
    static final PointPath PRESSURE = PointPath.parse("plant/oven1/pressure");
    static final long YEAR_12000 = Micros.of(Instant.parse("+12000-01-01T00:00:00Z"));

    @TempDir
    Path tmp;

    /** Fault 1 of the hardening issue, without the OPC UA server: one far-future timestamp. */
    @Test
    void oneSampleStampedInTheYear12000NeverStopsTheOthers() throws Exception {
        try (Recording rec = new Recording(tmp.resolve("data"), Map.of())) {
            Historian h = rec.historian();
            Recorder r = Recording.recorder();
            SampleBus bus = Recording.bus();
            RecorderStatus before = r.status();
            long t0 = Micros.now();
            for (int k = 0; k < 50; k++) {
                long t = t0 + k * 100_000L;
                bus.publish(SampleBatch.builder(2).add(TEMPERATURE, k == 20 ? YEAR_12000 : t, k, Quality.GOOD)
                    .add(PRESSURE, t, k, Quality.GOOD).build());
                Thread.sleep(10);
            }
            assertTrue(r.flush(Duration.ofSeconds(15)), "everything accounted for: " + r.status());
            assertEquals(49, Recording.countAndBad(h, TEMPERATURE)[0], "every other value of the same point");
            assertEquals(50, Recording.countAndBad(h, PRESSURE)[0], "every value of the other point");
            RecorderStatus s = r.status();
            assertEquals(100, s.stored() - before.stored(), "acknowledged: stored, or kept among the rejects");
            assertEquals(0, s.dropped() - before.dropped());
            assertEquals(1, rec.store().rejectedSamples());
            Recording.awaitTrue(() -> !Recording.events("historian.rejected").isEmpty(), "an event about the reject");
            Event e = Recording.events("historian.rejected").get(0);
            assertEquals(TEMPERATURE.toString(), e.attributes().get("point"));
            assertTrue(e.attributes().get("reason").contains("outside the years 1 to 9999"), e.toString());
            assertTrue(e.message().contains(TEMPERATURE.toString()), e.message());
        }
    }

    @Test
    void aFullDiskIsReportedAtOnceAndRecordingResumesByItselfWithTheGapMarked() throws Exception {
        Tmpfs fs = Tmpfs.mount(tmp.resolve("small"), 8);
        assumeTrue(fs != null, "mounting a tmpfs needs root (CI runs as root)");
        try (fs) {
            Path filler = fs.fill("filler", 3L << 20);
            try (Recording rec = new Recording(fs.dir().resolve("data"), Map.of("maxQueuedMegabytes", 1))) {
                Historian h = rec.historian();
                Recorder r = Recording.recorder();
                RecorderStatus before = r.status();
                long eventsBefore = Recording.events("recorder.historian").size();
                long t0 = Micros.now() - 3_600_000_000L;
                Recording.Publisher pub = new Recording.Publisher(Recording.bus(), "disk", 10, 1_000, 10, t0);
                try (pub) {
                    Recording.awaitTrue(() -> r.status().historian().equals("disk-full"), "status says the disk is full");
                    RecorderStatus full = r.status();
                    System.out.println("[recorder] disk full after " + (full.stored() - before.stored())
                        + " samples: " + full.lastError());
                    Recording.awaitTrue(() -> Recording.events("recorder.historian").size() > eventsBefore,
                        "an event says so");
                    Event outage = Recording.events("recorder.historian").get(0);
                    assertEquals("disk-full", outage.attributes().get("state"), outage.toString());
                    assertEquals(Event.Severity.ERROR, outage.severity());

                    // The queue is bounded in bytes, and the publisher is not held up while the disk is full.
                    Recording.awaitTrue(() -> r.status().dropped() > before.dropped(), "new samples dropped");
                    long p0 = pub.published.get();
                    Thread.sleep(1_000);
                    assertTrue(pub.published.get() - p0 > 20_000, "publishing goes on: " + (pub.published.get() - p0));
                    assertTrue(r.status().queuedBytes() <= (1 << 20) + 64 * 1024, "queue " + r.status().queuedBytes());

                    Files.delete(filler);
                    long freed = System.nanoTime();
                    Recording.awaitTrue(() -> r.status().historianOk(), "storing again, without a restart");
                    System.out.println("[recorder] storing again " + (System.nanoTime() - freed) / 1_000_000
                        + " ms after the disk was freed");
                    Recording.awaitTrue(() -> Recording.events("recorder.historian").get(0).attributes().get("state")
                        .equals("ok"), "an event says it stores again");
                    Thread.sleep(500);
                }
                assertTrue(r.flush(Duration.ofSeconds(20)), r.status().toString());
                RecorderStatus after = r.status();
                long stored = after.stored() - before.stored();
                long dropped = after.dropped() - before.dropped();
                assertEquals(pub.published.get(), stored + dropped + after.rejected() - before.rejected(),
                    "every sample taken from the bus is stored or counted as dropped: " + after);
                long count = 0;
                for (PointPath p : pub.points) {
                    long[] cb = Recording.countAndBad(h, p);
                    count += cb[0];
                    assertEquals(1, cb[1], "one gap marker for " + p + " where its samples were dropped");
                }
                assertEquals(stored, count, "the historian holds what the recorder says it stored");
                // The marker sits at the first dropped sample's time: the samples around it are before and after.
                List<Sample> all = h.samples(pub.points[0], Instant.EPOCH, Instant.MAX, 1_000_000);
                int gap = indexOfGap(all);
                assertTrue(gap > 0 && gap < all.size() - 1, "gap inside the series: " + gap + " of " + all.size());
                System.out.println("[recorder] disk full and freed: " + pub.published.get() + " published, " + stored
                    + " stored, " + dropped + " dropped, a gap marked on each of " + pub.points.length + " points");
            }
        }
    }

    /**
     * The queue is bounded in bytes: four samples of long JSON overflow a 1 MB queue that a bound in
     * samples would call nearly empty. Meanwhile no historian can open: the recorder is gone, its
     * queue stays subscribed without a writer, and the next recorder takes over what it kept.
     */
    @Test
    void theQueueIsBoundedInBytesAndOutlivesAHistorianThatCannotOpen() throws Exception {
        PointPath vector = PointPath.parse("plant/oven1/profile");
        Path data = tmp.resolve("data");
        try (Recording rec = new Recording(data, Map.of("maxQueuedMegabytes", 1))) {
            rec.historian();
            Recorder first = Recording.recorder();
            Path notAFolder = Files.writeString(tmp.resolve("not-a-folder"), "x");
            rec.moveHistorianTo(notAFolder);
            Recording.awaitTrue(Recording::noHistorian, "the historian failed to open");
            // The old recorder stores what it held into the old historian before that closes: wait for it.
            Recording.awaitTrue(() -> Recording.closed(data), "the old historian closed its folder");
            RecorderStatus s0 = first.status();
            String json = "[" + "0.5,".repeat(75_000) + "0.5]";
            long t = Micros.now();
            for (int i = 0; i < 4; i++) {
                Recording.bus().publish(SampleBatch.builder(1).addJson(vector, t + i, json, Quality.GOOD).build());
            }
            Recording.awaitTrue(() -> first.status().received() - s0.received() == 4, "taken from the bus");
            RecorderStatus s1 = first.status();
            long dropped = s1.dropped() - s0.dropped();
            assertTrue(dropped >= 2, "four samples of " + json.length() + " characters exceed 1 MB: " + s1);
            assertTrue(s1.queuedBytes() <= 1 << 20, s1.toString());

            rec.moveHistorianTo(data);
            Historian h = rec.historian();
            Recorder next = Recording.recorder();
            assertTrue(next.flush(Duration.ofSeconds(15)), next.status().toString());
            List<Sample> kept = h.samples(vector, Instant.EPOCH, Instant.MAX, 10);
            assertEquals(4 - dropped, kept.stream().filter(x -> x.value() != null).count(), kept.toString());
            assertEquals(1, kept.stream().filter(x -> x.value() == null && x.quality() == Quality.BAD).count(),
                "a gap marker where samples were dropped");
        }
    }

    private static int indexOfGap(List<Sample> samples) {
        for (int i = 0; i < samples.size(); i++) {
            if (samples.get(i).quality() == Quality.BAD && samples.get(i).value() == null) {
                return i;
            }
        }
        return -1;
    }
}
