package io.convergence.models.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

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

/**
 * Data that changes the past: a sample older than what its point delivered, a sample for a window
 * already published, history imported behind the model's back. Each time the stored outputs of the
 * windows concerned change, and only those.
 */
class RecomputeTest {

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
    void lateSamplesRecomputeTheirWindowsAndTheStoredOutputsChange() throws Exception {
        String id = "late";
        PointPath a = PointPath.parse("test/late/a");
        PointPath b = PointPath.parse("test/late/b");
        PointPath count = PointPath.parse("models/" + id + "/count");
        PointPath max = PointPath.parse("models/" + id + "/max");
        StatisticsModel model = Plant.stats(id, "test/late", 1, 0);
        ServiceRegistration<AnalyticsModel> reg = Plant.register(model);
        try {
            plant.awaitRunning(id);
            long base = (Math.floorDiv(Micros.now(), SECOND) - 30) * SECOND;
            SampleBatch.Builder batch = SampleBatch.builder(80);
            for (int w = 0; w < 4; w++) {
                for (int k = 0; k < 10; k++) {
                    batch.add(a, base + w * SECOND + k * 100_000L, 1, Quality.GOOD);
                    if (w < 2) {
                        batch.add(b, base + w * SECOND + k * 100_000L, 2, Quality.GOOD);
                    }
                }
            }
            plant.bus.publish(batch.build());
            List<Sample> counts = plant.awaitStored(count, 4, Duration.ofSeconds(10));
            assertEquals(List.of(20.0, 20.0, 10.0, 10.0), counts.stream().map(Sample::number).toList());

            // a's latest sample is in window 3: one of a in window 1 arrives late.
            plant.bus.publish(SampleBatch.of(new Sample(a, Micros.toInstant(base + SECOND + 550_000), 100.0, Quality.GOOD)));
            Event e = plant.awaitEvent(id, "model.recomputed", Duration.ofSeconds(15));
            assertTrue(e.message().contains("late sample of test/late/a at "), e.message());
            assertEquals(Micros.toInstant(base + SECOND).toString(), e.attributes().get("from"), "from window 1's start");
            assertEquals(List.of(20.0, 21.0, 10.0, 10.0), numbers(count), "window 1 counts the late sample, once");
            assertEquals(List.of(2.0, 100.0, 1.0, 1.0), numbers(max));

            // b's latest sample is in window 1; one for window 3, which was published without it, is in
            // order for b but too late for the window: the model asks for that window to be recomputed.
            plant.bus.publish(SampleBatch.of(new Sample(b, Micros.toInstant(base + 3 * SECOND + 10), 7.0, Quality.GOOD)));
            Plant.await(() -> plant.events(id, "model.recomputed").size() == 2, Duration.ofSeconds(15),
                "the window recomputed");
            assertTrue(plant.events(id, "model.recomputed").get(1).message().contains("requested by the model"));
            assertEquals(List.of(20.0, 21.0, 10.0, 11.0), numbers(count));
            assertEquals(List.of(2.0, 100.0, 1.0, 7.0), numbers(max));
            assertEquals(2, plant.status(id).recomputes());

            // After all that, what is stored is what a replay of the history computes.
            Map<PointPath, List<Double>> replayed = new LinkedHashMap<>();
            plant.host().replay(model, Micros.toInstant(base), Micros.toInstant(base + 4 * SECOND),
                out -> out.forEach(s -> replayed.computeIfAbsent(s.point(), k -> new ArrayList<>()).add(s.number())),
                ev -> { });
            for (PointInfo o : model.outputs()) {
                assertEquals(replayed.get(o.path()), numbers(o.path()), o.path().toString());
            }

            // The live run goes on from the recomputed state.
            long w4 = base + 4 * SECOND;
            plant.bus.publish(SampleBatch.builder(2).add(a, w4 + 1, 1, Quality.GOOD).add(b, w4 + 2, 2, Quality.GOOD).build());
            plant.awaitStored(count, 5, Duration.ofSeconds(10));
            assertEquals(List.of(20.0, 21.0, 10.0, 11.0, 2.0), numbers(count));
            assertEquals(2, plant.awaitRunning(id).recomputes(), "window 4 closed live");
        } finally {
            reg.unregister();
        }
    }

    @Test
    void aRecomputeAskedForTakesInHistoryImportedBehindTheModelsBack() throws Exception {
        String id = "imported";
        PointPath a = PointPath.parse("test/imported/a");
        PointPath count = PointPath.parse("models/" + id + "/count");
        PointPath mean = PointPath.parse("models/" + id + "/mean");
        ServiceRegistration<AnalyticsModel> reg = Plant.register(Plant.stats(id, "test/imported", 2, 0));
        try {
            plant.awaitRunning(id);
            long base = (Math.floorDiv(Micros.now(), 2 * SECOND) - 15) * 2 * SECOND;
            SampleBatch.Builder batch = SampleBatch.builder(30);
            for (int i = 0; i < 30; i++) {
                batch.add(a, base + i * 200_000L, 10, Quality.GOOD);
            }
            plant.bus.publish(batch.build());
            assertEquals(List.of(10.0, 10.0, 10.0), numbers(plant.awaitStored(count, 3, Duration.ofSeconds(10))));

            // Samples appended straight to the historian (an import): the model does not see them.
            SampleBatch.Builder imported = SampleBatch.builder(5);
            for (int i = 0; i < 5; i++) {
                imported.add(a, base + 2 * SECOND + i * 200_000L + 100_000, 40, Quality.GOOD);
            }
            plant.historian.append(imported.build());
            Thread.sleep(400);
            assertEquals(List.of(10.0, 10.0, 10.0), numbers(count));

            // Asked for a range inside window 1: the whole window is recomputed, the others are left alone.
            ModelStatus s = plant.host().recompute(id, Micros.toInstant(base + 2 * SECOND + 500_000),
                Micros.toInstant(base + 3 * SECOND)).get(30, TimeUnit.SECONDS);
            assertEquals(1, s.recomputes());
            assertEquals(List.of(10.0, 15.0, 10.0), numbers(count));
            assertEquals(List.of(10.0, 20.0, 10.0), numbers(mean));
            Event e = plant.awaitEvent(id, "model.recomputed", Duration.ofSeconds(5));
            assertEquals(Micros.toInstant(base + 2 * SECOND).toString(), e.attributes().get("from"));
            assertEquals(Micros.toInstant(base + 4 * SECOND).toString(), e.attributes().get("to"));
        } finally {
            reg.unregister();
        }
    }

    @Test
    void historyImportedWhileTheModelWasStoppedIsRecomputedWhenItResumes() throws Exception {
        String id = "noted";
        PointPath a = PointPath.parse("test/noted/a");
        PointPath count = PointPath.parse("models/" + id + "/count");
        ServiceRegistration<AnalyticsModel> reg = Plant.register(Plant.stats(id, "test/noted", 2, 0));
        long base = (Math.floorDiv(Micros.now(), 2 * SECOND) - 15) * 2 * SECOND;
        try {
            plant.awaitRunning(id);
            SampleBatch.Builder batch = SampleBatch.builder(30);
            for (int i = 0; i < 30; i++) {
                batch.add(a, base + i * 200_000L, 10, Quality.GOOD);
            }
            plant.bus.publish(batch.build());
            assertEquals(List.of(10.0, 10.0, 10.0), numbers(plant.awaitStored(count, 3, Duration.ofSeconds(10))));
        } finally {
            reg.unregister();
        }
        // While the model is stopped (its checkpoint on disk), history is imported with a note, as
        // 'history import' leaves it; an import about other points is noted too and must change nothing.
        SampleBatch.Builder imported = SampleBatch.builder(5);
        for (int i = 0; i < 5; i++) {
            imported.add(a, base + 2 * SECOND + i * 200_000L + 100_000, 40, Quality.GOOD);
        }
        plant.historian.append(imported.build());
        long written = Micros.now();
        Files.writeString(plant.data.resolve("models/late-history"),
            written + "\t" + (base + 2 * SECOND) + "\t" + (base + 3 * SECOND) + "\ttest/noted/a\n"
                + written + "\t" + base + "\t" + (base + 6 * SECOND) + "\ttest/elsewhere/b\n"
                + "not a note\n",
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertEquals(List.of(10.0, 10.0, 10.0), numbers(count));

        reg = Plant.register(Plant.stats(id, "test/noted", 2, 0));
        try {
            plant.awaitEvent(id, "model.recomputed", Duration.ofSeconds(20));
            assertEquals(List.of(10.0, 15.0, 10.0), numbers(count), "the window the import touched, once");
        } finally {
            reg.unregister();
        }
        // Resumed again: the note is older than the checkpoint taken after the recompute.
        long recomputes = plant.events.stream().filter(e -> e.source().equals(id)
            && e.type().equals("model.recomputed")).count();
        reg = Plant.register(Plant.stats(id, "test/noted", 2, 0));
        try {
            plant.awaitRunning(id);
            Thread.sleep(1500);
            assertEquals(recomputes, plant.events.stream().filter(e -> e.source().equals(id)
                && e.type().equals("model.recomputed")).count(), "a note is taken in once");
            assertEquals(List.of(10.0, 15.0, 10.0), numbers(count));
        } finally {
            reg.unregister();
        }
    }

    @Test
    void aRecomputeOfAModelThatDoesNotRunFailsNamingTheModelsThatDo() throws Exception {
        ServiceRegistration<AnalyticsModel> reg = Plant.register(Plant.stats("present", "test/present", 1, 0));
        try {
            plant.awaitRunning("present");
            ExecutionException e = assertThrows(ExecutionException.class, () -> plant.host().recompute("absent",
                Micros.toInstant(0), Micros.toInstant(SECOND)).get(5, TimeUnit.SECONDS));
            assertInstanceOf(IllegalArgumentException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("no model 'absent' runs here; models: present"),
                e.getCause().getMessage());
        } finally {
            reg.unregister();
        }
    }

    private static List<Double> numbers(PointPath p) {
        return numbers(plant.stored(p));
    }

    private static List<Double> numbers(List<Sample> samples) {
        return samples.stream().map(Sample::number).toList();
    }
}
