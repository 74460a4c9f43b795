package io.convergence.ui.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import io.convergence.api.point.PointPath;
import io.convergence.testing.Osgi;
import io.convergence.testing.ui.RunningWorkbench;
import io.convergence.testing.ui.Ui;
import io.convergence.ui.workbench.points.PointHandoff;
import io.convergence.ui.workbench.tests.fixture.FixturePart;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Views come and go with their bundles while the workbench runs: the product's workbench (e4, the
 * shell's model, processors and addons) runs in the test framework, and a view bundle built by the
 * test (laid out as a partner's) is installed, opened through Show View, uninstalled, installed
 * again, updated, and left in a saved workspace. Needs an X display.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveViewsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String LABEL = "Fixture";

    @TempDir
    static Path temp;

    private static RunningWorkbench wb;
    private static final List<String> life = new CopyOnWriteArrayList<>();
    private static Bundle fixture;

    @BeforeAll
    static void start() throws Exception {
        Ui.assumeDisplay();
        wb = RunningWorkbench.start(temp.resolve("workspace"), true);
        wb.ui(() -> {
            wb.display().setData(FixturePart.LIFE, life);
            return null;
        });
    }

    @AfterAll
    static void stop() throws Exception {
        if (fixture != null && fixture.getState() != Bundle.UNINSTALLED) {
            fixture.uninstall();
        }
        if (wb != null) {
            wb.close();
        }
    }

    @Test
    @Order(1)
    void aViewBundleInstalledWhileTheWorkbenchRunsShowsInShowViewAndInTheStackItAsksFor() throws Exception {
        ShowView dialog = ShowView.open(wb);
        assertFalse(dialog.listed().containsKey(FixtureBundle.CATEGORY), "not installed yet: " + dialog.listed());

        try (Problems problems = Problems.watch(); StandardOutput out = StandardOutput.watch()) {
            fixture = install(FixtureBundle.build(temp.resolve("v1"), "1.0.0", LABEL));
            // The dialog, open all along, lists the new view.
            dialog.waitListed(FixtureBundle.CATEGORY, LABEL, true);
            // Its descriptor asks for the Operate perspective's bottom stack: it is there, on screen.
            wb.waitUntil("the fixture view in " + FixtureBundle.STACK, WAIT, () -> stackHolds(FixtureBundle.STACK));
            // What a person (or a script) watching the workbench's console reads.
            assertTrue(out.text().contains("views: added " + FixtureBundle.VIEW_ID + " to Show View (" + FixtureBundle.CATEGORY
                + " > " + LABEL + "), placed in " + FixtureBundle.STACK), out.text());
            dialog.openView(FixtureBundle.CATEGORY, LABEL);
            wb.waitUntil("the fixture view active", WAIT, () -> {
                MPart p = part();
                return p != null && p.getObject() != null && p.getWidget() instanceof Composite c && !c.isDisposed()
                    && shownText(c).contains("Fixture view from " + FixtureBundle.SYMBOLIC_NAME + " 1.0.0");
            });
            assertEquals(List.of("created " + FixtureBundle.SYMBOLIC_NAME + " 1.0.0"), life);

            // It declares that it takes points: other views find it and hand it some, as they do ours.
            PointPath speed = PointPath.parse("acme/lyon/packaging/line1/filler/speed");
            assertEquals(Boolean.TRUE, wb.ui(() -> {
                MApplication app = wb.application();
                List<MPartDescriptor> takers = PointHandoff.receivers(app, FixtureBundle.PURPOSE);
                return takers.size() == 1 && PointHandoff.send(takers.get(0), List.of(speed),
                    app.getSelectedElement().getContext().get(EPartService.class), app.getContext().get(IEventBroker.class));
            }));
            wb.waitUntil("the points handed to the view", WAIT,
                () -> shownText((Composite) part().getWidget()).contains("Received " + speed));
            assertEquals(List.of(), problems.seen());
        }
        wb.ui(() -> Ui.screenshot((Shell) wb.application().getSelectedElement().getWidget(), "live-view-installed.png"));
    }

    @Test
    @Order(2)
    void uninstallingTheBundleClosesItsViewCleanlyAndTakesItOutOfShowView() throws Exception {
        Composite widget = wb.ui(() -> (Composite) part().getWidget());
        life.clear();
        try (Problems problems = Problems.watch(); StandardOutput out = StandardOutput.watch()) {
            fixture.uninstall();
            // Closed before uninstall returned, while the bundle's classes were still there: the
            // view's clean-up ran and loaded a class it had not needed before.
            assertEquals(List.of("disposed " + FixtureBundle.SYMBOLIC_NAME + " 1.0.0"), life);
            assertTrue(out.text().contains("views: removed " + FixtureBundle.VIEW_ID + " from Show View; closed the open parts ["
                + FixtureBundle.VIEW_ID + "]"), out.text());
            assertTrue(wb.ui(widget::isDisposed), "the view's widgets are disposed");
            assertEquals(null, wb.ui(LiveViewsTest::part), "no part of the view is left in the model");
            assertFalse(wb.ui(() -> stackHolds(FixtureBundle.STACK)));
            // The stack it left empty is off screen, and kept for the next view that asks for it.
            assertEquals(Boolean.FALSE, wb.ui(() -> stack(FixtureBundle.STACK).isToBeRendered()));
            assertFalse(wb.ui(() -> wb.application().getDescriptors().stream()
                .anyMatch(d -> FixtureBundle.VIEW_ID.equals(d.getElementId()))), "its descriptor is gone");
            ShowView dialog = ShowView.open(wb);
            assertFalse(dialog.listed().containsKey(FixtureBundle.CATEGORY), dialog.listed().toString());
            dialog.cancel();
            assertEquals(List.of(), problems.seen());
        }
    }

    @Test
    @Order(3)
    void theSavedWorkspaceHoldsNothingOfTheGoneViewAndTheViewComesBackWhenInstalledAgain() throws Exception {
        wb.close();
        Path saved = savedModel();
        String xmi = Files.readString(saved);
        assertFalse(xmi.contains(FixtureBundle.SYMBOLIC_NAME), "the saved workspace names the uninstalled bundle");
        assertTrue(xmi.contains("io.convergence.ui.operate.bottom"), "the saved workspace is the workbench's");

        wb = RunningWorkbench.start(temp.resolve("workspace"), false);
        wb.ui(() -> {
            wb.display().setData(FixturePart.LIFE, life);
            return null;
        });
        assertEquals(null, wb.ui(LiveViewsTest::part));
        life.clear();
        try (Problems problems = Problems.watch()) {
            fixture = install(FixtureBundle.build(temp.resolve("v1"), "1.0.0", LABEL));
            wb.waitUntil("the fixture view back in its stack", WAIT, () -> stackHolds(FixtureBundle.STACK));
            wb.waitUntil("the fixture view rendered", WAIT, () -> life.size() == 1);
            assertTrue(wb.ui(() -> stack(FixtureBundle.STACK).isToBeRendered()), "its stack is back on screen");
            assertEquals(List.of(), problems.seen());
        }
    }

    @Test
    @Order(4)
    void updatingTheBundleReplacesItsOpenViewWithTheNewVersion() throws Exception {
        life.clear();
        try (Problems problems = Problems.watch();
             InputStream v2 = Files.newInputStream(FixtureBundle.build(temp.resolve("v2"), "1.1.0", LABEL + " 1.1"))) {
            fixture.update(v2);
            assertStarted(fixture);
            wb.waitUntil("version 1.1 in its stack", WAIT, () -> {
                MPart p = part();
                return p != null && p.getWidget() instanceof Composite c && shownText(c).contains(" 1.1.0");
            });
            assertEquals(List.of("disposed " + FixtureBundle.SYMBOLIC_NAME + " 1.0.0",
                "created " + FixtureBundle.SYMBOLIC_NAME + " 1.1.0"), life);
            ShowView dialog = ShowView.open(wb);
            assertEquals(List.of(LABEL + " 1.1"), dialog.listed().get(FixtureBundle.CATEGORY));
            dialog.cancel();
            assertEquals(List.of(), problems.seen());
        }
    }

    /**
     * Installs as p2's live apply does: installed, then resolved, and not started by anyone: a
     * bundle with a lazy activation policy starts by itself when resolved.
     */
    private static Bundle install(Path jar) throws Exception {
        BundleContext ctx = Osgi.context(LiveViewsTest.class);
        Bundle b = ctx.installBundle(jar.toUri().toString());
        assertTrue(ctx.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(List.of(b)), "the fixture bundle resolves");
        assertStarted(b);
        return b;
    }

    private static void assertStarted(Bundle b) {
        assertTrue((b.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0, "started (lazily): state " + b.getState());
    }

    /** The fixture's part anywhere in the model, or null. Call on the UI thread. */
    private static MPart part() {
        MApplication app = wb.application();
        List<MPart> found = app.getContext().get(EModelService.class)
            .findElements(app, FixtureBundle.VIEW_ID, MPart.class, null, EModelService.ANYWHERE);
        return found.isEmpty() ? null : found.get(0);
    }

    private static boolean stackHolds(String stackId) {
        return stack(stackId).getChildren().stream()
            .anyMatch(c -> FixtureBundle.VIEW_ID.equals(c.getElementId()) && c.isToBeRendered());
    }

    /** The part stack of that id; fails if the model has none. Call on the UI thread. */
    private static MPartStack stack(String stackId) {
        MApplication app = wb.application();
        List<MPartStack> stacks = app.getContext().get(EModelService.class)
            .findElements(app, stackId, MPartStack.class, null, EModelService.ANYWHERE);
        assertFalse(stacks.isEmpty(), "the model has no stack " + stackId);
        return stacks.get(0);
    }

    private static String shownText(Composite c) {
        StringBuilder b = new StringBuilder();
        for (Control child : c.getChildren()) {
            if (child instanceof Label l) {
                b.append(l.getText()).append('\n');
            } else if (child instanceof Composite inner) {
                b.append(shownText(inner));
            }
        }
        return b.toString();
    }

    /** workbench.xmi in the framework's instance area, where e4 saves the workspace. */
    private static Path savedModel() throws Exception {
        String area = Osgi.context(LiveViewsTest.class).getProperty("osgi.instance.area");
        assertNotNull(area, "the test framework has an instance area");
        Path root = Path.of(new java.net.URI(area.replace(" ", "%20")));
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().equals("workbench.xmi")).findFirst()
                .orElseThrow(() -> new AssertionError("no workbench.xmi under " + root));
        }
    }
}
