package io.convergence.models.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import io.convergence.api.event.Event;
import io.convergence.api.model.AnalyticsModel;
import io.convergence.api.model.ModelContext;
import io.convergence.api.model.ModelRun;
import io.convergence.api.model.ModelStatus;
import io.convergence.api.point.DataType;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointFilter;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;

/** Models coming and going: a model that fails, a model bundle installed and uninstalled live. */
class ModelLifecycleTest {

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

    /** A model that throws as soon as it meets the value 13. */
    static final class Poisoned implements AnalyticsModel {
        static final PointPath OUT = PointPath.parse("models/poisoned/seen");

        @Override
        public String id() {
            return "poisoned";
        }

        @Override
        public PointFilter inputs() {
            return PointFilter.prefixes(PointPath.parse("test/isolation"));
        }

        @Override
        public List<PointInfo> outputs() {
            return List.of(new PointInfo(OUT, DataType.INTEGER, "", "", id(), null));
        }

        @Override
        public ModelRun open(ModelContext context) {
            return new ModelRun() {
                @Override
                public void onSamples(SampleBatch batch) {
                    for (int i = 0; i < batch.size(); i++) {
                        if (batch.number(i) == 13) {
                            throw new IllegalStateException("unlucky number at " + batch.time(i));
                        }
                    }
                }

                @Override
                public byte[] checkpoint() {
                    return new byte[0];
                }
            };
        }
    }

    @Test
    void aModelThatThrowsIsIsolatedAndRetriedWhileTheOthersGoOn() throws Exception {
        ServiceRegistration<AnalyticsModel> poisoned = Plant.register(new Poisoned());
        ServiceRegistration<AnalyticsModel> calm = Plant.register(Plant.stats("calm", "test/isolation", 1, 0));
        try {
            plant.awaitRunning("poisoned");
            plant.awaitRunning("calm");
            // with a checkpoint on disk, a restart catches up from history
            Plant.await(() -> Files.exists(plant.checkpoint("poisoned")), Duration.ofSeconds(10), "a checkpoint");
            // Stamped from now on: after the models started, so a restart catches up with them too.
            long base = (Math.floorDiv(Micros.now(), SECOND) + 1) * SECOND;
            PointPath a = PointPath.parse("test/isolation/a");
            SampleBatch.Builder b = SampleBatch.builder(20);
            for (int i = 0; i < 20; i++) {
                b.add(a, base + i * 100_000L, i, Quality.GOOD);
            }
            plant.bus.publish(b.build());

            Event failed = plant.awaitEvent("poisoned", "model.failed", Duration.ofSeconds(10));
            assertEquals(Event.Severity.ERROR, failed.severity());
            assertTrue(failed.message().contains("failed in onSamples: IllegalStateException: unlucky number"),
                failed.message());
            ModelStatus s = plant.status("poisoned");
            assertEquals(ModelStatus.State.FAILED, s.state());
            assertTrue(s.detail().contains("started again in 1 s"), s.detail());

            Plant.sleepUntil(base + 2 * SECOND);
            List<?> counts = plant.awaitStored(PointPath.parse("models/calm/count"), 2, Duration.ofSeconds(10));
            assertEquals(2, counts.size());
            assertEquals(ModelStatus.State.RUNNING, plant.status("calm").state());
            assertEquals(20, plant.status("calm").samplesIn());

            // The host tries again: the poison is in the history it catches up from, so it fails again.
            Plant.await(() -> plant.events("poisoned", "model.failed").size() >= 2, Duration.ofSeconds(10),
                "a second attempt");
            assertEquals(ModelStatus.State.RUNNING, plant.status("calm").state());
        } finally {
            poisoned.unregister();
            calm.unregister();
        }
    }

    @Test
    void aModelBundleInstalledLiveComesAndItsOutputsGoWhenItIsUninstalled() throws Exception {
        String id = "bundled-sum";
        PointPath sum = PointPath.parse("test/bundle-model/sum");
        Path jar = fixtureBundle(dir.resolve("sum-model.jar"));
        Bundle bundle;
        try (InputStream in = Files.newInputStream(jar)) {
            bundle = Plant.context().installBundle("test:" + jar, in);
        }
        try {
            bundle.start();
            plant.awaitRunning(id);
            Plant.await(() -> plant.registry.find(sum).isPresent(), Duration.ofSeconds(10), "the output announced");
            assertEquals(id, plant.registry.find(sum).orElseThrow().source());

            long now = Micros.now();
            plant.bus.publish(SampleBatch.builder(2).add(PointPath.parse("test/bundle/x"), now - 2 * SECOND, 20, Quality.GOOD)
                .add(PointPath.parse("test/bundle/y"), now - SECOND, 22, Quality.GOOD).build());
            assertEquals(42.0, plant.awaitStored(sum, 1, Duration.ofSeconds(10)).get(0).number());

            bundle.uninstall();
            Plant.await(() -> plant.registry.find(sum).isEmpty(), Duration.ofSeconds(10), "the output withdrawn");
            assertTrue(!plant.hosts(id), "the model gone from the host: " + plant.host().models());
            assertTrue(Files.exists(plant.checkpoint(id)), "checkpointed as it went");
        } finally {
            if (bundle.getState() != Bundle.UNINSTALLED) {
                bundle.uninstall();
            }
        }
    }

    /** A bundle of the classes of the fixture package, with its own manifest and activator. */
    private static Path fixtureBundle(Path jar) throws Exception {
        String pkg = "io/convergence/models/tests/fixture";
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "io.convergence.models.tests.sum");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Bundle-Activator", pkg.replace('/', '.') + ".FixtureActivator");
        a.putValue("Import-Package", "io.convergence.api.model;version=\"[1.0,2)\","
            + "io.convergence.api.point;version=\"[1.1,2)\",org.osgi.framework;version=\"[1.10,2)\"");
        ClassLoader loader = ModelLifecycleTest.class.getClassLoader();
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            for (String name : List.of("FixtureActivator", "SumModel", "SumModel$Run")) {
                String entry = pkg + "/" + name + ".class";
                try (InputStream in = loader.getResourceAsStream(entry)) {
                    assertTrue(in != null, entry + " in the test bundle");
                    j.putNextEntry(new JarEntry(entry));
                    in.transferTo(j);
                    j.closeEntry();
                }
            }
        }
        return jar;
    }
}
