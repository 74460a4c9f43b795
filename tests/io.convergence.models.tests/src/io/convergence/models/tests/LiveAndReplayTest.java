package io.convergence.models.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.example.partner.model.internal.StatisticsModel;

import io.convergence.api.event.Event;
import io.convergence.api.model.AnalyticsModel;
import io.convergence.api.model.ModelStatus;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.Sample;
import io.convergence.api.point.SampleBatch;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.ServiceRegistration;

/** A model fed live from the bus gives the figures a replay over the stored history gives. */
class LiveAndReplayTest {

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

    @Test
    void liveFiguresEqualTheFiguresOfAReplayOverTheSameHistory() throws Exception {
        String id = "live-replay";
        PointPath a = PointPath.parse("test/live/line1/a");
        PointPath b = PointPath.parse("test/live/line1/b");
        StatisticsModel model = Plant.stats(id, "test/live", 1, 0);
        ServiceRegistration<AnalyticsModel> reg = Plant.register(model);
        try {
            plant.awaitRunning(id);
            for (PointInfo o : model.outputs()) {
                assertEquals(id, plant.registry.find(o.path()).orElseThrow().source(), "output announced under the model");
            }
            long base = Math.floorDiv(Micros.now(), SECOND) * SECOND - 30 * SECOND;
            // One batch, all of a's rows before b's: live sees them in that order, a replay in time order.
            // Sums of tenths depend on their order in floating point; the figures must not.
            SampleBatch.Builder batch = SampleBatch.builder(100);
            for (PointPath p : List.of(a, b)) {
                for (int w = 0; w < 5; w++) {
                    for (int k = 0; k < 10; k++) {
                        double v = (p == a ? 0.1 : 0.7) * (k + 1) + w;
                        batch.add(p, base + w * SECOND + k * 100_000L + (p == a ? 0 : 50_000), v, Quality.GOOD);
                    }
                }
            }
            plant.bus.publish(batch.build());

            PointPath count = PointPath.parse("models/" + id + "/count");
            PointPath mean = PointPath.parse("models/" + id + "/mean");
            List<Sample> counts = plant.awaitStored(count, 5, Duration.ofSeconds(20));
            List<Sample> means = plant.awaitStored(mean, 5, Duration.ofSeconds(20));
            for (int w = 0; w < 5; w++) {
                assertEquals(Micros.toInstant(base + w * SECOND), counts.get(w).time(), "stamped at the window's start");
                assertEquals(20.0, counts.get(w).number(), "window " + w);
                // (0.1 + 0.7) × (1 + … + 10) / 20 + w
                assertEquals(2.2 + w, means.get(w).number(), 1e-12, "window " + w);
            }

            Map<PointPath, List<Sample>> replayed = new LinkedHashMap<>();
            List<Event> replayEvents = new ArrayList<>();
            long sizeBefore = plant.historian.size();
            plant.host().replay(model, Micros.toInstant(base), Micros.toInstant(base + 5 * SECOND),
                out -> out.forEach(s -> replayed.computeIfAbsent(s.point(), k -> new ArrayList<>()).add(s)),
                replayEvents::add);
            for (PointInfo o : model.outputs()) {
                List<Sample> live = plant.stored(o.path());
                List<Sample> again = replayed.get(o.path());
                assertEquals(5, live.size(), o.path() + " stored once per window");
                assertEquals(5, again.size(), o.path() + " replayed once per window");
                for (int w = 0; w < 5; w++) {
                    assertEquals(live.get(w).time(), again.get(w).time());
                    // to the last bit
                    assertEquals(live.get(w).number(), again.get(w).number(), o.path() + " window " + w);
                }
            }
            assertEquals(sizeBefore, plant.historian.size(), "a replay stores nothing");
            assertTrue(replayEvents.isEmpty(), replayEvents.toString());
            ModelStatus s = plant.status(id);
            assertEquals(100, s.samplesIn());
            assertEquals(25, s.samplesOut());
            assertEquals(Micros.toInstant(base + 4 * SECOND + 950_000), s.watermark());
        } finally {
            reg.unregister();
        }
        Plant.await(() -> !plant.hosts(id), Duration.ofSeconds(10), "the model gone");
        for (PointInfo o : model.outputs()) {
            assertTrue(plant.registry.find(o.path()).isEmpty(), o.path() + " withdrawn");
        }
    }
}
