package io.convergence.models.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.example.partner.model.internal.StatisticsModel;

import io.convergence.api.event.Event;
import io.convergence.api.model.AnalyticsModel;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.Sample;
import io.convergence.api.point.SampleBatch;
import io.convergence.testing.Osgi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.ServiceRegistration;

/** Restarts of a model and of the host: checkpoints, catching up from history, nothing counted twice. */
class RestartTest {

    static final long SECOND = Micros.PER_SECOND;

    @TempDir
    static Path dir;
    static Plant plant;

    @BeforeAll
    static void start() throws Exception {
        plant = Plant.start(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        plant.close();
    }

    /** Ten samples of each point, at 100 ms steps from {@code k0} to {@code k1} (exclusive) of window w. */
    private static void add(SampleBatch.Builder b, List<PointPath> points, long base, int w, int k0, int k1) {
        for (PointPath p : points) {
            for (int k = k0; k < k1; k++) {
                b.add(p, base + w * SECOND + k * 100_000L, k + 1, Quality.GOOD);
            }
        }
    }

    @Test
    void aRestartResumesFromTheCheckpointWithoutCountingASampleTwice() throws Exception {
        String id = "restart";
        List<PointPath> points = List.of(PointPath.parse("test/restart/a"), PointPath.parse("test/restart/b"));
        PointPath count = PointPath.parse("models/" + id + "/count");
        PointPath mean = PointPath.parse("models/" + id + "/mean");
        StatisticsModel model = Plant.stats(id, "test/restart", 1, 0);
        ServiceRegistration<AnalyticsModel> reg = Plant.register(model);
        plant.awaitRunning(id);
        // Windows in the near future: they stay open until the clock passes them, so the model is
        // stopped with a window half fed.
        long base = (Math.floorDiv(Micros.now(), SECOND) + 4) * SECOND;
        SampleBatch.Builder first = SampleBatch.builder(30);
        add(first, points, base, 0, 0, 10);
        add(first, points, base, 1, 0, 5);
        plant.bus.publish(first.build());
        Plant.await(() -> plant.status(id).samplesIn() == 30, Duration.ofSeconds(10), "the first 30 samples consumed");

        reg.unregister();
        Plant.await(() -> !plant.hosts(id), Duration.ofSeconds(10), "the model stopped");
        assertTrue(Files.exists(plant.checkpoint(id)), "a checkpoint at the stop");
        Path older = dir.resolve("restart-at-first-stop.checkpoint");
        Plant.copy(plant.checkpoint(id), older);

        // While the model is away, the second half of window 1 and window 2 are recorded.
        SampleBatch.Builder second = SampleBatch.builder(30);
        add(second, points, base, 1, 5, 10);
        add(second, points, base, 2, 0, 10);
        plant.bus.publish(second.build());
        plant.awaitStored(points.get(1), 25, Duration.ofSeconds(10));

        reg = Plant.register(model);
        assertEquals(30, plant.awaitRunning(id).samplesIn(), "caught up with the 30 samples recorded meanwhile, only");
        assertTrue(plant.events(id, "model.started").stream().anyMatch(e -> "true".equals(e.attributes().get("resumed"))));
        assertTrue(Micros.now() < base + 2 * SECOND, "the test was too slow: window 1 closed before the restart");

        Plant.sleepUntil(base + 3 * SECOND);
        List<Sample> counts = plant.awaitStored(count, 3, Duration.ofSeconds(10));
        for (int w = 0; w < 3; w++) {
            assertEquals(20.0, counts.get(w).number(), "window " + w + ": every sample once");
            assertEquals(Micros.toInstant(base + w * SECOND), counts.get(w).time());
        }
        List<Sample> means = plant.stored(mean);
        assertEquals(5.5, means.get(1).number(), 1e-12, "window 1: both halves, each once");

        // A crash loses what happened after a checkpoint: back to the one of the first stop, the model
        // computes windows 0 to 2 again while catching up; they replace the stored ones.
        reg.unregister();
        Plant.await(() -> !plant.hosts(id), Duration.ofSeconds(10), "the model stopped");
        Plant.copy(older, plant.checkpoint(id));
        reg = Plant.register(model);
        assertEquals(30, plant.awaitRunning(id).samplesIn());
        Thread.sleep(500);
        for (PointPath p : List.of(count, mean)) {
            List<Sample> again = plant.stored(p);
            assertEquals(3, again.size(), p + ": each window stored once after the crash, not twice: " + again);
        }
        assertEquals(counts, plant.stored(count));
        assertEquals(means, plant.stored(mean));
        reg.unregister();
    }

    @Test
    void anUnreadableCheckpointIsSetAsideAndTheModelStartsFromScratchCountingNothingTwice() throws Exception {
        String id = "scratch";
        PointPath a = PointPath.parse("test/scratch/a");
        StatisticsModel model = Plant.stats(id, "test/scratch", 1, 0);
        ServiceRegistration<AnalyticsModel> reg = Plant.register(model);
        plant.awaitRunning(id);
        long base = (Math.floorDiv(Micros.now(), SECOND) - 20) * SECOND;
        SampleBatch.Builder b = SampleBatch.builder(10);
        add(b, List.of(a), base, 0, 0, 10);
        plant.bus.publish(b.build());
        Plant.await(() -> plant.status(id).samplesIn() == 10, Duration.ofSeconds(10), "samples consumed");
        reg.unregister();
        Plant.await(() -> !plant.hosts(id), Duration.ofSeconds(10), "the model stopped");

        Path file = plant.checkpoint(id);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(file, bytes);

        reg = Plant.register(model);
        Event e = plant.awaitEvent(id, "model.checkpoint-unreadable", Duration.ofSeconds(10));
        assertEquals(Event.Severity.WARNING, e.severity());
        assertTrue(e.message().contains(file.toString()) && e.message().contains("damaged (checksum mismatch)"),
            e.message());
        assertTrue(e.message().contains("starts from scratch"), e.message());
        assertEquals(0, plant.awaitRunning(id).samplesIn(), "nothing read again from history");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith(id + ".checkpoint.unreadable-")),
                "the damaged checkpoint is kept aside");
        }
        reg.unregister();
    }

    @Test
    void aRestartOfTheHostResumesEveryModelFromItsCheckpoint() throws Exception {
        String id = "host-restart";
        PointPath a = PointPath.parse("test/host-restart/a");
        StatisticsModel model = Plant.stats(id, "test/host-restart", 1, 0);
        ServiceRegistration<AnalyticsModel> reg = Plant.register(model);
        plant.awaitRunning(id);
        long base = (Math.floorDiv(Micros.now(), SECOND) - 20) * SECOND;
        SampleBatch.Builder b = SampleBatch.builder(10);
        add(b, List.of(a), base, 0, 0, 10);
        plant.bus.publish(b.build());
        Plant.await(() -> plant.status(id).samplesIn() == 10, Duration.ofSeconds(10), "samples consumed");
        int startedBefore = plant.events(id, "model.started").size();

        // A new configuration restarts the host component: every model is checkpointed and resumed.
        Osgi.config(Plant.HOST_PID, Map.of("checkpointSeconds", 1, "advanceMillis", 250, "retrySeconds", 1));
        Plant.await(() -> plant.events(id, "model.started").size() > startedBefore, Duration.ofSeconds(20),
            "the model started again");
        Event started = plant.events(id, "model.started").get(startedBefore);
        assertEquals("true", started.attributes().get("resumed"), started.message());
        assertEquals("0", started.attributes().get("samples"), "nothing to catch up: " + started.message());
        reg.unregister();
    }
}
