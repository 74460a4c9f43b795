package io.convergence.ui.connections.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import io.convergence.api.connector.ConnectorState.Status;
import io.convergence.testing.ui.Ui;
import io.convergence.ui.connections.internal.ConnectionFiles;
import io.convergence.ui.connections.internal.ConnectionRow;
import io.convergence.ui.connections.internal.FormModel;
import io.convergence.ui.connections.internal.UntrustedCertificate;
import io.convergence.ui.connections.internal.Workspace;
import io.convergence.ui.connections.internal.ui.CertificateDialog;
import io.convergence.ui.connections.internal.ui.ConnectionEditorDialog;
import io.convergence.ui.connections.internal.ui.ConnectionsPart;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The view and the editor on a real display, against the simulated plant: what a user sees, saved
 * as screenshots in target/screenshots. Skipped without a display (CI sets one).
 */
class RenderingTest {

    @TempDir
    static Path workspace;

    private static Display display;
    private static ConnectionFiles files;
    private static String previousWorkspace;

    private static boolean hasDisplay() {
        String d = System.getenv("DISPLAY");
        return d != null && !d.isBlank();
    }

    @BeforeEach
    void needsADisplay() {
        Assumptions.assumeTrue(hasDisplay(),
            "skipped: DISPLAY is not set; the rendering test needs an X display (for example Xvfb :99 and DISPLAY=:99)");
    }

    @BeforeAll
    static void start() throws Exception {
        if (!hasDisplay()) {
            return;
        }
        previousWorkspace = System.getProperty(Workspace.PROPERTY);
        System.setProperty(Workspace.PROPERTY, workspace.toString());
        display = Display.getDefault();
        files = Plant.connectionFiles(Workspace.configDir());
        save("plant", f -> { });
        save("packaging-secure", f -> {
            f.set("securityPolicy", "Basic256Sha256");
            f.set("securityMode", "SignAndEncrypt");
            f.set("pkiDir", workspace.resolve("pki").toString());
        });
        save("line2", f -> f.set("endpoint", "opc.tcp://127.0.0.1:1/line2"));
        Plant.files().apply("demo-broken", "{\"" + Plant.OPCUA + "\": [{\"id\": \"warehouse\", \"endpoint\": \"opc.tcp://\"}]}");
    }

    private static void save(String id, java.util.function.Consumer<FormModel> edit) throws Exception {
        FormModel f = ConnectionFilesTest.newForm(id);
        f.set("pathPrefix", "acme/lyon/" + id);
        edit.accept(f);
        assertTrue(files.save(f, Set.of(), null).saved());
    }

    @AfterAll
    static void stop() throws Exception {
        if (display == null) {
            return;
        }
        for (String id : new String[] {"plant", "packaging-secure", "line2"}) {
            files.delete(ConnectionFilesTest.config(id));
        }
        Plant.files().remove("demo-broken");
        if (previousWorkspace == null) {
            System.clearProperty(Workspace.PROPERTY);
        } else {
            System.setProperty(Workspace.PROPERTY, previousWorkspace);
        }
    }

    @Test
    void theViewListsTheConnectionsAndTheEditorShowsProblemsAtTheirFields() throws Exception {
        Shell shell = new Shell(display);
        shell.setText("Connections");
        shell.setLayout(new FillLayout());
        shell.setSize(1280, 520);
        IEclipseContext context = EclipseContextFactory.create("connections-test");
        context.set(org.eclipse.swt.widgets.Composite.class, new org.eclipse.swt.widgets.Composite(shell, 0));
        ConnectionsPart part = ContextInjectionFactory.make(ConnectionsPart.class, context);
        shell.open();
        try {
            Ui.waitUntil(display, "all four connections in their states", Duration.ofSeconds(40), () ->
                state(part, "plant") == Status.CONNECTED && state(part, "packaging-secure") == Status.FAILED
                    && state(part, "line2") == Status.RECONNECTING && state(part, "warehouse") == Status.FAILED);
            ConnectionRow secure = part.model().row("packaging-secure");
            assertTrue(secure.detail().contains("is not trusted"), secure.detail());
            part.select("packaging-secure");
            Path list = Screens.save(shell, "connections.png");
            assertTrue(Files.size(list) > 10_000, "a real picture: " + Files.size(list));

            editorRefusesAnInvalidValueAtItsField(part);
            newConnectionForm(part);
            certificateDialog(shell, secure);
        } finally {
            shell.dispose();
            context.dispose();
        }
    }

    private void editorRefusesAnInvalidValueAtItsField(ConnectionsPart part) throws Exception {
        Path file = Workspace.configDir().resolve("plant.json");
        byte[] before = Files.readAllBytes(file);
        ConnectionEditorDialog editor = part.openEditor("plant", false);
        assertNotNull(editor);
        try {
            editor.set("queueSize", "ten");
            editor.set("username", "operator");
            editor.set("password", "operator");
            editor.set("allowPasswordWithoutEncryption", "true");
            editor.save();
            Ui.waitUntil(display, "save refused", Duration.ofSeconds(20), () -> !editor.busy());
            String error = editor.error();
            assertNotNull(error, "an error is shown at the top");
            assertTrue(error.contains("Queue size"), error);
            assertTrue(editor.form().problems().byField().get("queueSize").contains("found the text \"ten\""),
                editor.form().problems().describe());
            assertArrayEquals(before, Files.readAllBytes(file), "the file is unchanged");
            Screens.save(editor.getShell(), "connection-editor.png");

            editor.set("queueSize", "20");
            editor.save();
            Ui.waitUntil(display, "save", Duration.ofSeconds(20), () -> editor.getShell() == null);
            assertTrue(editor.result().saved());
            assertTrue(Files.readString(file).contains("\"queueSize\": 20"), Files.readString(file));
            assertTrue(Files.readString(file).contains("\"password\": {\"encrypted\": \"v1:"), Files.readString(file));
            assertEquals(Status.CONNECTED, Plant.awaitState("plant", Status.CONNECTED, Duration.ofSeconds(30)).status());
        } finally {
            editor.close();
        }
    }

    private void newConnectionForm(ConnectionsPart part) throws Exception {
        ConnectionEditorDialog editor = part.openEditor(null, false);
        assertNotNull(editor);
        try {
            editor.set("id", "line3");
            editor.set("endpoint", Plant.endpoint());
            editor.test();
            Ui.waitUntil(display, "test result", Duration.ofSeconds(20), () -> !editor.busy());
            assertTrue(editor.testStatus().startsWith("Connected"), editor.testStatus());
            Screens.save(editor.getShell(), "connection-editor-new.png");
        } finally {
            editor.close();
        }
    }

    private void certificateDialog(Shell shell, ConnectionRow secure) throws Exception {
        UntrustedCertificate u = UntrustedCertificate.of(secure.id(), secure.problem()).orElseThrow();
        CertificateDialog d = new CertificateDialog(shell, u, secure.id());
        d.setBlockOnOpen(false);
        d.open();
        try {
            Screens.save(d.getShell(), "certificate.png");
        } finally {
            d.close();
        }
    }

    private static Status state(ConnectionsPart part, String id) {
        ConnectionRow r = part.model().row(id);
        return r == null ? null : r.status();
    }
}
