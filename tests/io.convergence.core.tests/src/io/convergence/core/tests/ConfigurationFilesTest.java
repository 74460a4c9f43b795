package io.convergence.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.convergence.api.config.ConfigException;
import io.convergence.api.config.ConfigProblem;
import io.convergence.api.config.ConfigurationService;
import io.convergence.api.historian.Historian;
import io.convergence.historian.duckdb.DuckDbHistorianStore;
import io.convergence.testing.Osgi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;

/** Configuration files are checked against MetaType; errors name the file, line and field. */
class ConfigurationFilesTest {

    private static final String RECORDER = "io.convergence.core.recorder";
    private static final String HISTORIAN = "io.convergence.historian.duckdb";

    @TempDir
    Path dir;

    @Test
    void validFileIsAppliedWithTypedValues() throws Exception {
        Path f = write("ok.json", "{ \"" + RECORDER + "\": { \"maxAppendSamples\": 50000 } }");
        Osgi.await(ConfigurationService.class).apply(f);
        Configuration c = Osgi.await(ConfigurationAdmin.class).getConfiguration(RECORDER, "?");
        assertEquals(50000, c.getProperties().get("maxAppendSamples"));
        Osgi.await(ConfigurationService.class).remove(f.toAbsolutePath().toString());
    }

    @Test
    void wrongTypeNamesFileLineFieldAndWhatWasExpected() throws Exception {
        Path f = write("bad.json", "{\n  \"" + RECORDER + "\": {\n    \"maxAppendSamples\": \"lots\"\n  }\n}\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Osgi.await(ConfigurationService.class).apply(f));
        ConfigProblem p = e.problems().get(0);
        assertEquals(3, p.line());
        assertEquals(RECORDER + ".maxAppendSamples", p.field());
        assertTrue(p.message().contains("expected a whole number"), p.message());
        assertTrue(e.getMessage().startsWith(f.toAbsolutePath() + ":3:"), e.getMessage());
    }

    @Test
    void everyProblemIsReportedAndNothingIsApplied() throws Exception {
        String json = "{ \"" + RECORDER + "\": { \"maxAppendSamples\": 10, \"colour\": \"red\" },"
            + " \"io.convergence.nothing\": {} }";
        ConfigurationService files = Osgi.await(ConfigurationService.class);
        ConfigException e = assertThrows(ConfigException.class, () -> files.apply("inline.json", json));
        List<String> fields = e.problems().stream().map(ConfigProblem::field).toList();
        assertEquals(List.of(RECORDER + ".maxAppendSamples", RECORDER + ".colour", "io.convergence.nothing"), fields);
        assertTrue(e.problems().get(0).message().contains("minimum"), "range is explained: " + e.problems().get(0));
        assertTrue(e.problems().get(1).message().contains("known: maxAppendSamples, maxQueuedMegabytes"),
            e.problems().get(1).message());
        assertTrue(e.problems().get(2).message().contains(RECORDER), "lists what is known");
        Configuration[] none = Osgi.await(ConfigurationAdmin.class)
            .listConfigurations("(" + ConfigurationService.SOURCE_PROPERTY + "=inline.json)");
        assertEquals(null, none, "nothing applied");
    }

    /**
     * A configuration removed and at once applied again for the same PID, while ConfigurationAdmin's
     * event thread is busy (it tells SCR of the removal later): the component runs with the new
     * properties, not on with the old ones.
     */
    @Test
    void aConfigurationRemovedAndAppliedAgainAtOnceRunsWithTheNewProperties() throws Exception {
        ConfigurationService files = Osgi.await(ConfigurationService.class);
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        String holdPid = "io.convergence.core.tests.hold";
        CountDownLatch held = new CountDownLatch(1);
        ServiceRegistration<ConfigurationListener> blocker = Osgi.context(getClass()).registerService(
            ConfigurationListener.class, e -> {
                if (holdPid.equals(e.getPid()) && e.getType() == ConfigurationEvent.CM_UPDATED) {
                    held.countDown();
                    sleep(3_000);
                }
            }, null);
        Configuration hold = Osgi.await(ConfigurationAdmin.class).getConfiguration(holdPid, "?");
        try {
            files.apply("again:a", historian(a));
            Osgi.await(Historian.class, "(" + DuckDbHistorianStore.DATA_DIR_PROPERTY + "=" + a + ")", Duration.ofSeconds(30));
            hold.update(new Hashtable<>(Map.of("hold", true)));
            assertTrue(held.await(10, TimeUnit.SECONDS), "ConfigurationAdmin's event thread is held");
            files.remove("again:a");
            files.apply("again:b", historian(b));
            Osgi.await(Historian.class, "(" + DuckDbHistorianStore.DATA_DIR_PROPERTY + "=" + b + ")", Duration.ofSeconds(30));
        } finally {
            blocker.unregister();
            hold.delete();
            files.remove("again:a");
            files.remove("again:b");
        }
    }

    private static String historian(Path folder) {
        return "{ \"" + HISTORIAN + "\": { \"dataDir\": \"" + folder.toAbsolutePath() + "\" } }";
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void malformedJsonGivesLineAndColumn() throws Exception {
        Path f = write("broken.json", "{\n  \"a\": 1,\n  \"b\" 2\n}");
        ConfigException e = assertThrows(ConfigException.class, () -> Osgi.await(ConfigurationService.class).apply(f));
        assertEquals(3, e.problems().get(0).line());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        Path f = dir.resolve("nowhere.json");
        ConfigException e = assertThrows(ConfigException.class, () -> Osgi.await(ConfigurationService.class).apply(f));
        assertTrue(e.getMessage().contains("nowhere.json: no such file"), e.getMessage());
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}
