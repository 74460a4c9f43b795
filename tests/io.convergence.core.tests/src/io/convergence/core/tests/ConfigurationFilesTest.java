package io.convergence.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.convergence.api.config.ConfigException;
import io.convergence.api.config.ConfigProblem;
import io.convergence.api.config.ConfigurationService;
import io.convergence.testing.Osgi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Configuration files are checked against MetaType; errors name the file, line and field. */
class ConfigurationFilesTest {

    private static final String RECORDER = "io.convergence.core.recorder";

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
