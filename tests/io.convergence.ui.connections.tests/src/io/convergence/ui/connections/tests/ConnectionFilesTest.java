package io.convergence.ui.connections.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.convergence.api.config.ConfigurationService;
import io.convergence.api.connector.ConnectorState;
import io.convergence.api.connector.ConnectorState.Status;
import io.convergence.ui.connections.internal.ConnectionConfig;
import io.convergence.ui.connections.internal.ConnectionFiles;
import io.convergence.ui.connections.internal.ConnectionsModel;
import io.convergence.ui.connections.internal.ConnectionsSource;
import io.convergence.ui.connections.internal.FormModel;
import io.convergence.ui.connections.internal.SaveResult;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;

/** Saving and deleting connections as workspace files, against the simulated plant. */
class ConnectionFilesTest {

    @TempDir
    Path workspace;

    @Test
    void aValidConnectionIsWrittenAppliedAndConnects() throws Exception {
        Path config = workspace.resolve("config");
        ConnectionFiles files = Plant.connectionFiles(config);
        FormModel form = newForm("line-a");

        SaveResult r = files.save(form, Set.of(), null);

        assertTrue(r.saved(), r.problems().describe());
        Path file = config.resolve("line-a.json");
        assertEquals(file, r.file());
        String text = Files.readString(file);
        assertTrue(text.contains("\"io.convergence.connector.opcua\": ["), text);
        assertTrue(text.contains("\"id\": \"line-a\""), text);
        assertTrue(text.contains("\"endpoint\": \"" + Plant.endpoint() + "\""), text);
        assertEquals(List.of("line-a.json"), names(config), "no temporary file stays behind");
        try {
            ConnectorState s = Plant.awaitState("line-a", Status.CONNECTED, Duration.ofSeconds(30));
            assertTrue(s.detail().contains(Plant.endpoint()), s.detail());

            // The view lists it with its type, endpoint and state, and knows where it came from.
            ConnectionsModel model = new ConnectionsModel();
            try (ConnectionsSource source = Plant.source()) {
                source.refresh(model);
            }
            var row = model.row("line-a");
            assertNotNull(row, "row for line-a in " + model.rows());
            assertEquals("opcua", row.type());
            assertEquals(Plant.endpoint(), row.endpoint());
            assertEquals(Status.CONNECTED, row.status());
            assertEquals(file.toString(), row.config().source());
            assertEquals(ConnectionFiles.Ownership.OWN_FILE, files.ownership(row.config()));
        } finally {
            files.delete(config("line-a"));
        }
    }

    @Test
    void aPasswordIsSavedEncryptedAndTheRuntimeDecryptsIt() throws Exception {
        Path config = workspace.resolve("config");
        ConnectionFiles files = Plant.connectionFiles(config);
        FormModel form = newForm("line-user");
        form.set("username", "operator");
        form.set("password", "operator");
        form.set("allowPasswordWithoutEncryption", "true");

        SaveResult r = files.save(form, Set.of(), null);

        assertTrue(r.saved(), r.problems().describe());
        String text = Files.readString(r.file());
        assertTrue(text.contains("\"password\": {\"encrypted\": \"v1:"), text);
        assertTrue(!text.contains("\"operator\"}") && text.split("\"operator\"", -1).length == 2,
            "the user name only, the password never in plain text: " + text);
        try {
            ConnectorState s = Plant.awaitState("line-user", Status.CONNECTED, Duration.ofSeconds(30));
            assertTrue(s.detail().contains("user 'operator'"), "logged in with the decrypted password: " + s.detail());
            // Edited again, the form shows the password (masked) and saves it encrypted once more.
            ConnectionConfig saved = config("line-user");
            assertEquals("operator", FormModel.edit(Plant.opcua(), saved.properties()).value("password"));
        } finally {
            files.delete(config("line-user"));
        }
    }

    @Test
    void anInvalidNewConnectionIsRefusedAtItsFieldAndNoFileIsWritten() throws Exception {
        Path config = workspace.resolve("config");
        ConnectionFiles files = Plant.connectionFiles(config);
        FormModel form = newForm("line-bad");
        form.set("securityMode", "Encrypt");

        SaveResult r = files.save(form, Set.of(), null);

        assertFalse(r.saved());
        String message = r.problems().byField().get("securityMode");
        assertNotNull(message, r.problems().describe());
        assertTrue(message.contains("expected one of None, Sign, SignAndEncrypt, found the text \"Encrypt\""), message);
        assertFalse(Files.exists(config.resolve("line-bad.json")));
        assertEquals(List.of(), names(config));
        assertFalse(Plant.running("line-bad"));
    }

    @Test
    void anInvalidEditLeavesTheFileAndTheRunningConnectorAsTheyWere() throws Exception {
        Path config = workspace.resolve("config");
        ConnectionFiles files = Plant.connectionFiles(config);
        assertTrue(files.save(newForm("line-b"), Set.of(), null).saved());
        Path file = config.resolve("line-b.json");
        byte[] before = Files.readAllBytes(file);
        try {
            Plant.awaitState("line-b", Status.CONNECTED, Duration.ofSeconds(30));
            ConnectionConfig original = config("line-b");
            FormModel edit = FormModel.edit(Plant.opcua(), original.properties());
            edit.set("queueSize", "ten");
            edit.set("publishingIntervalMs", "0");

            SaveResult r = files.save(edit, Set.of(), original);

            assertFalse(r.saved());
            assertTrue(r.problems().byField().get("queueSize").contains("expected a whole number (32-bit), found the text \"ten\""),
                r.problems().describe());
            assertTrue(r.problems().byField().containsKey("publishingIntervalMs"), r.problems().describe());
            assertArrayEquals(before, Files.readAllBytes(file), "the file is unchanged");
            assertEquals(List.of("line-b.json"), names(config));
            assertEquals(Status.CONNECTED, Plant.connector("line-b").state().status());
        } finally {
            files.delete(config("line-b"));
        }
    }

    @Test
    void renamingWritesTheNewFileAndRetiresTheOldOne() throws Exception {
        Path config = workspace.resolve("config");
        ConnectionFiles files = Plant.connectionFiles(config);
        assertTrue(files.save(newForm("line-c"), Set.of(), null).saved());
        Plant.connector("line-c");
        ConnectionConfig original = config("line-c");
        FormModel edit = FormModel.edit(Plant.opcua(), original.properties());
        edit.set("id", "line-d");
        edit.set("pathPrefix", "acme/lyon");

        assertTrue(files.save(edit, Set.of("line-c"), original).saved());
        try {
            assertEquals(List.of("line-d.json"), names(config));
            Plant.awaitState("line-d", Status.CONNECTED, Duration.ofSeconds(30));
            Plant.awaitGone("line-c");
            assertTrue(Files.readString(config.resolve("line-d.json")).contains("\"pathPrefix\": \"acme/lyon\""));
        } finally {
            files.delete(config("line-d"));
        }
    }

    @Test
    void anIdInUseOrAFileOfSomethingElseIsRefused() throws Exception {
        Path config = workspace.resolve("config");
        ConnectionFiles files = Plant.connectionFiles(config);
        SaveResult taken = files.save(newForm("line-e"), Set.of("line-e"), null);
        assertFalse(taken.saved());
        assertTrue(taken.problems().byField().get("id").contains("exists already"));

        Files.createDirectories(config);
        Files.writeString(config.resolve("historian.json"), "{}");
        SaveResult clash = files.save(newForm("historian"), Set.of(), null);
        assertFalse(clash.saved());
        assertTrue(clash.problems().byField().get("id").contains("exists already"), clash.problems().describe());
        assertEquals("{}", Files.readString(config.resolve("historian.json")));
    }

    @Test
    void deleteRemovesTheFileAndTheConnector() throws Exception {
        Path config = workspace.resolve("config");
        ConnectionFiles files = Plant.connectionFiles(config);
        assertTrue(files.save(newForm("line-f"), Set.of(), null).saved());
        Plant.connector("line-f");

        files.delete(config("line-f"));

        assertFalse(Files.exists(config.resolve("line-f.json")));
        Plant.awaitGone("line-f");
        assertEquals(0, fromSource(config.resolve("line-f.json").toString()).length);
    }

    @Test
    void aConnectionSharingItsFileWithOthersIsReadOnlyHere() throws Exception {
        Path shared = workspace.resolve("plant.json");
        Files.writeString(shared, "{\"" + Plant.OPCUA + "\": [{\"id\": \"shared-1\", \"endpoint\": \"" + Plant.endpoint()
            + "\"}, {\"id\": \"shared-2\", \"endpoint\": \"" + Plant.endpoint() + "\"}]}");
        Plant.files().apply(shared);
        try {
            ConnectionFiles files = Plant.connectionFiles(workspace.resolve("config"));
            ConnectionConfig c = config("shared-1");
            assertEquals(ConnectionFiles.Ownership.SHARED, files.ownership(c));
            assertTrue(files.whyReadOnly(c).contains("together with 1 other configuration"), files.whyReadOnly(c));
            assertThrows(IllegalStateException.class, () -> files.delete(c));
            SaveResult r = files.save(FormModel.edit(Plant.opcua(), c.properties()), Set.of(), c);
            assertFalse(r.saved());
            assertTrue(r.problems().general().get(0).contains("edit that file"), r.problems().describe());
        } finally {
            Plant.files().remove(shared.toAbsolutePath().toString());
        }
    }

    static FormModel newForm(String id) throws Exception {
        FormModel form = FormModel.create(Plant.opcua());
        form.set("id", id);
        form.set("endpoint", Plant.endpoint());
        form.set("subscribeAll", "false");
        form.set("maxReconnectDelayMs", "2000");
        return form;
    }

    /** The configuration of a connector, as the view reads it. */
    static ConnectionConfig config(String id) {
        try (ConnectionsSource source = Plant.source()) {
            return Plant.waitFor("configuration of " + id, Duration.ofSeconds(10),
                () -> source.configurations().stream().filter(c -> c.id().equals(id)).findFirst().orElse(null));
        }
    }

    private static Configuration[] fromSource(String source) throws Exception {
        Configuration[] c = Plant.admin().listConfigurations("(" + ConfigurationService.SOURCE_PROPERTY + "=" + source + ")");
        return c == null ? new Configuration[0] : c;
    }

    private static List<String> names(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
