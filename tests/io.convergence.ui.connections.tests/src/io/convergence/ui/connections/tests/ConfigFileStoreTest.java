package io.convergence.ui.connections.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.convergence.ui.connections.internal.ConfigFileStore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes that can be undone. */
class ConfigFileStoreTest {

    @TempDir
    Path dir;

    @Test
    void aNewFileIsWrittenWholeAndUndoRemovesIt() throws Exception {
        ConfigFileStore store = new ConfigFileStore(dir.resolve("config"));
        Path f = store.fileFor("a");
        ConfigFileStore.Change c = store.write(f, "{\"x\": 1}");
        assertFalse(c.replacedExisting());
        assertEquals("{\"x\": 1}", Files.readString(f));
        assertEquals(List.of("a.json"), names(store.dir()), "no temporary file stays");
        c.undo();
        assertFalse(Files.exists(f));
    }

    @Test
    void aReplacedFileComesBackByteForByte() throws Exception {
        ConfigFileStore store = new ConfigFileStore(dir);
        Path f = store.fileFor("b");
        Files.writeString(f, "// mine\n{ }\n");
        ConfigFileStore.Change c = store.write(f, "{\"new\": true}");
        assertTrue(c.replacedExisting());
        assertEquals("{\"new\": true}", Files.readString(f));
        c.undo();
        assertEquals("// mine\n{ }\n", Files.readString(f));

        ConfigFileStore.Change d = store.delete(f);
        assertFalse(Files.exists(f));
        d.undo();
        assertEquals("// mine\n{ }\n", Files.readString(f));
    }

    @Test
    void knowsWhichSourcesAreItsFiles() {
        ConfigFileStore store = new ConfigFileStore(dir);
        assertTrue(store.holds(dir.resolve("a.json").toString()));
        assertFalse(store.holds(dir.resolve("sub").resolve("a.json").toString()));
        assertFalse(store.holds("workbench:connector"));
        assertFalse(store.holds(null));
    }

    private static List<String> names(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
