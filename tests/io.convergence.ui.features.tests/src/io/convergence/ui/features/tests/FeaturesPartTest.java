package io.convergence.ui.features.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.convergence.admin.AvailableFeature;
import io.convergence.admin.Change;
import io.convergence.admin.FeatureService;
import io.convergence.admin.InstalledFeature;
import io.convergence.testing.ui.Ui;
import io.convergence.ui.features.internal.PlanSummary;
import io.convergence.ui.features.internal.ui.FeaturesPart;
import io.convergence.ui.features.internal.ui.InstallDialog;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * The Features view as the workbench creates it (by injection into a part composite), on the
 * in-memory feature service registered above any real one: the table, the details, and an install
 * through the dialog with its preview. Needs an X display.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeaturesPartTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final RGB RED = new RGB(0xc0, 0x1c, 0x28);

    private static FakeFeatureService service;
    private static ServiceRegistration<FeatureService> registration;
    private static Display display;
    private static Shell shell;
    private static IEclipseContext context;
    private static FeaturesPart part;

    @BeforeAll
    static void start() {
        Ui.assumeDisplay();
        BundleContext bc = FrameworkUtil.getBundle(FeaturesPartTest.class).getBundleContext();
        service = new FakeFeatureService();
        registration = bc.registerService(FeatureService.class, service,
            new java.util.Hashtable<>(FakeFeatureService.ranking()));
        display = Display.getCurrent() != null ? Display.getCurrent() : new Display();
        shell = new Shell(display);
        shell.setText("Features");
        shell.setLayout(new FillLayout());
        shell.setBounds(20, 20, 1100, 560);
        Composite parent = new Composite(shell, SWT.NONE);
        context = EclipseContextFactory.create("features-test");
        context.set(Composite.class, parent);
        part = ContextInjectionFactory.make(FeaturesPart.class, context);
        shell.layout(true, true);
        shell.open();
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.dispose();
        }
        if (shell != null) {
            shell.dispose();
        }
        if (registration != null) {
            registration.unregister();
        }
    }

    @Test
    @Order(1)
    void theTableShowsTheInstalledFeaturesWithTrustThatStandsOut() throws Exception {
        Ui.waitUntil(display, "the installed features", WAIT, () -> table().getItemCount() == 4);
        assertTrue(part.detailsText().startsWith("Convergence Trend view"), "the first feature is selected: " + part.detailsText());
        TableItem press = item("com.partner.press.feature");
        assertEquals(List.of("Partner press connector", "2.1.0", "Not trusted", "yes", "Partner GmbH", "com.partner.press.feature"),
            texts(press));
        assertEquals(RED, press.getForeground(2).getRGB(), "untrusted content is red");
        assertEquals("Unsigned", item("io.convergence.historian.duckdb.feature").getText(2));
        assertEquals("", item("io.convergence.platform.feature").getText(3), "not a root feature");

        part.viewer().setSelection(new StructuredSelection(part.model().find("com.partner.press.feature")), true);
        Ui.pump(display, 100);
        assertTrue(part.detailsText().contains("Signer: CN=Partner GmbH, O=Partner"), part.detailsText());
        assertTrue(part.detailsText().contains("com.partner.press 2.1.0"), part.detailsText());
        Ui.screenshot(shell, "features.png");
    }

    @Test
    @Order(2)
    void installShowsThePreviewFirstAndRefusesWhatCannotBeInstalled() throws Exception {
        InstallDialog d = part.openInstall(false);
        try {
            Ui.waitUntil(display, "the configured repository offered", WAIT,
                () -> d.repositoryField().getItemCount() == 1);
            assertEquals(FakeFeatureService.CONFIGURED.toString(), d.repositoryField().getText());
            assertFalse(d.actionEnabled(), "nothing chosen, nothing to install");

            d.repositoryField().setText("example.org/p2");
            d.load();
            assertTrue(d.errorText().contains("is not a repository address"), d.errorText());

            d.repositoryField().setText(FakeFeatureService.REPO.toString());
            d.load();
            Ui.waitUntil(display, "what the repository offers", WAIT, () -> d.offered().getTable().getItemCount() == 3);
            assertEquals("", d.errorText());

            select(d, FakeFeatureService.BROKEN);
            PlanSummary broken = Ui.waitFor(display, "the broken feature's preview", WAIT, d::shownPlan);
            assertFalse(broken.canApply());
            assertFalse(d.actionEnabled(), "a plan with problems cannot be installed");
            TableItem problem = d.previewLines().getItem(0);
            assertTrue(problem.getText().contains("org.example.missing"), problem.getText());
            assertEquals(RED, problem.getForeground().getRGB(), "problems are red");

            select(d, FakeFeatureService.MQTT);
            Ui.waitUntil(display, "the MQTT connector's preview", WAIT,
                () -> d.shownPlan() != null && d.shownPlan().canApply());
            assertTrue(d.actionEnabled());
            assertEquals(List.of("+ feature MQTT connector (io.convergence.connector.mqtt.feature) 1.2.0",
                "+ HiveMQ MQTT Client (com.hivemq.client.mqtt) 1.4.2", "+ io.convergence.connector.mqtt 1.2.0"), lines(d));
            assertEquals("Brings in 3 units.", d.shownPlan().headline());
            assertEquals("Takes effect at once; nothing restarts.", d.shownPlan().restart());
            assertEquals("Download: 1.4 MB", d.shownPlan().download());
            assertTrue(service.applied.isEmpty(), "a preview changes nothing");
            Ui.screenshot(d.getShell(), "features-install.png");

            d.pressAction();
            Ui.waitUntil(display, "the install to finish and the dialog to close", WAIT, () -> d.getShell() == null);
        } finally {
            if (d.getShell() != null) {
                d.close();
            }
        }
        assertEquals(List.of(new Change.Install(FakeFeatureService.MQTT, "1.2.0", List.of(FakeFeatureService.REPO))), service.applied);
        Ui.waitUntil(display, "the new feature in the table", WAIT, () -> table().getItemCount() == 5);
        assertEquals("Trusted", item(FakeFeatureService.MQTT).getText(2));
    }

    private static void select(InstallDialog d, String id) {
        for (Object o : (List<?>) d.offered().getInput()) {
            if (((AvailableFeature) o).id().equals(id)) {
                d.offered().setSelection(new StructuredSelection(o), true);
                return;
            }
        }
        throw new AssertionError("not offered: " + id);
    }

    private static List<String> lines(InstallDialog d) {
        List<String> out = new ArrayList<>();
        for (TableItem i : d.previewLines().getItems()) {
            out.add(i.getText());
        }
        return out;
    }

    private static Table table() {
        return part.viewer().getTable();
    }

    private static TableItem item(String id) {
        for (TableItem i : table().getItems()) {
            if (((InstalledFeature) i.getData()).id().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no row for " + id);
    }

    private static List<String> texts(TableItem item) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < table().getColumnCount(); c++) {
            out.add(item.getText(c));
        }
        return out;
    }
}
