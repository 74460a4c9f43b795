package io.convergence.ui.explorer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;
import io.convergence.testing.ui.Plant;
import io.convergence.testing.ui.Ui;
import io.convergence.ui.explorer.internal.BrowseItem;
import io.convergence.ui.explorer.internal.ConnectionNode;
import io.convergence.ui.explorer.internal.ExplorerPart;
import io.convergence.ui.explorer.internal.PlantFolder;
import io.convergence.ui.workbench.points.PointHandoff;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.MApplicationFactory;
import org.eclipse.e4.ui.model.application.descriptor.basic.MBasicFactory;
import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explorer as the workbench creates it (by injection into a part composite), on the simulated
 * plant through a real OPC UA connector: the tree fills from the registry, the connection browses,
 * points go to Live Values, the filter narrows. Needs an X display.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExplorerPartTest {

    private static final String ID = "explorer-ui";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final PointPath FILLER = PointPath.parse(Points.LINE + "/filler");
    private static final PointPath FILLER_SPEED = FILLER.child("speed");
    private static final String LIVE_VIEW = "io.convergence.ui.live.view";

    @TempDir
    static Path temp;

    private static Plant plant;
    private static Display display;
    private static Shell shell;
    private static IEclipseContext context;
    private static TreeViewer viewer;
    private static final List<String> partCalls = new CopyOnWriteArrayList<>();
    private static final List<String> posts = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Ui.assumeDisplay();
        plant = Plant.start("explorer-test", ID, temp);
        display = Display.getCurrent() != null ? Display.getCurrent() : new Display();
        shell = new Shell(display);
        shell.setText("Plant Explorer");
        shell.setLayout(new FillLayout());
        shell.setBounds(20, 20, 470, 760);
        Composite parent = new Composite(shell, SWT.NONE);

        MApplication app = MApplicationFactory.INSTANCE.createApplication();
        // Two views that take points: ours and a partner's; no trend is installed.
        app.getDescriptors().add(receiver(LIVE_VIEW, "Live Values", PointHandoff.LIVE));
        app.getDescriptors().add(receiver("com.acme.shift.view", "Shift Report", "report"));
        context = EclipseContextFactory.create("explorer-test");
        context.set(Composite.class, parent);
        context.set(MApplication.class, app);
        context.set(EPartService.class, Recorder.of(EPartService.class, partCalls));
        context.set(IEventBroker.class, Recorder.of(IEventBroker.class, posts));
        ExplorerPart part = ContextInjectionFactory.make(ExplorerPart.class, context);
        viewer = part.viewer();
        shell.open();
    }

    private static MPartDescriptor receiver(String id, String label, String purpose) {
        MPartDescriptor d = MBasicFactory.INSTANCE.createPartDescriptor();
        d.setElementId(id);
        d.setLabel(label);
        d.getPersistedState().put(PointHandoff.RECEIVES, purpose);
        return d;
    }

    @AfterAll
    static void stop() throws Exception {
        if (context != null) {
            context.dispose();
        }
        if (shell != null) {
            shell.dispose();
        }
        if (plant != null) {
            plant.close();
        }
    }

    @Test
    @Order(1)
    void showsThePlantHierarchyAndTheConnectionsLiveAddressSpace() throws Exception {
        try {
            showsPlantAndConnection();
        } catch (AssertionError e) {
            Ui.screenshot(shell, "explorer-failed.png");
            throw e;
        }
    }

    private static void showsPlantAndConnection() throws Exception {
        TreeItem filler = Ui.waitFor(display, FILLER + " in the tree", WAIT,
            () -> find(viewer.getTree(), d -> d instanceof PlantFolder f && FILLER.equals(f.path())));
        assertTrue(filler.getParentItem().getExpanded(), "the chain down to line1 is expanded, so the machines show");
        assertEquals("filler  (11)", filler.getText());
        viewer.setExpandedState(filler.getData(), true);
        TreeItem speed = Ui.waitFor(display, "filler/speed", WAIT,
            () -> find(viewer.getTree(), d -> d instanceof PointInfo p && p.path().equals(FILLER_SPEED)));
        assertEquals("speed  units/min \u00b7 double", speed.getText());
        assertEquals("44 points", label().getText());

        TreeItem connection = Ui.waitFor(display, "connection " + ID + " shown as connected", WAIT,
            () -> find(viewer.getTree(), d -> d instanceof ConnectionNode n && n.id().equals(ID)
                && item(d).getText().startsWith(ID + "  Connected")));
        viewer.setExpandedState(connection.getData(), true);
        TreeItem acme = Ui.waitFor(display, "acme browsed under the connection", WAIT,
            () -> find(viewer.getTree(), d -> d instanceof BrowseItem b && b.node().name().equals("acme")));
        viewer.setExpandedState(acme.getData(), true);
        Ui.waitFor(display, "lyon browsed under acme", WAIT,
            () -> find(viewer.getTree(), d -> d instanceof BrowseItem b && b.node().name().equals("lyon")));
        viewer.setSelection(new StructuredSelection(speed.getData()), true);
        viewer.getTree().setFocus();
        Path file = Ui.screenshot(shell, "explorer.png");
        System.out.println("explorer screenshot: " + file.toAbsolutePath());
    }

    @Test
    @Order(2)
    void contextMenuAndDoubleClickHandPointsToTheViewsThatTakeThem() {
        Object speed = find(viewer.getTree(), d -> d instanceof PointInfo p && p.path().equals(FILLER_SPEED)).getData();
        viewer.setSelection(new StructuredSelection(speed), true);
        Menu menu = viewer.getTree().getMenu();
        menu.notifyListeners(SWT.Show, new Event());
        List<String> items = Arrays.stream(menu.getItems()).map(MenuItem::getText).filter(t -> t.startsWith("Add to")).toList();
        assertEquals(List.of("Add to Live Values", "Add to Shift Report"), items,
            "one entry per view that takes points, a partner's too; none for a trend, which is not installed");
        MenuItem live = menuItem(menu, "Add to Live Values");
        assertTrue(live.isEnabled());
        live.notifyListeners(SWT.Selection, new Event());
        menu.notifyListeners(SWT.Hide, new Event());
        assertEquals(List.of("showPart [" + LIVE_VIEW + ", VISIBLE]"),
            partCalls.stream().filter(c -> c.startsWith("showPart")).toList());
        assertEquals(List.of("post [" + PointHandoff.topic(LIVE_VIEW) + ", [" + FILLER_SPEED + "]]"), posts);

        TreeItem capper = find(viewer.getTree(), d -> d instanceof PlantFolder f && f.path() != null && f.path().name().equals("capper"));
        viewer.setSelection(new StructuredSelection(capper.getData()));
        menu.notifyListeners(SWT.Show, new Event());
        menuItem(menu, "Add to Live Values").notifyListeners(SWT.Selection, new Event());
        menu.notifyListeners(SWT.Hide, new Event());
        assertTrue(posts.get(1).contains(Points.LINE + "/capper/speed") && posts.get(1).contains(Points.LINE + "/capper/vibration"),
            "a folder hands over every point below it: " + posts.get(1));

        Event dbl = new Event();
        dbl.item = find(viewer.getTree(), d -> d instanceof PointInfo p && p.path().equals(FILLER.child("temperature")));
        viewer.getTree().notifyListeners(SWT.DefaultSelection, dbl);
        assertEquals("post [" + PointHandoff.topic(LIVE_VIEW) + ", [" + FILLER.child("temperature") + "]]", posts.get(2),
            "double-click adds to the view showing current values");
    }

    @Test
    @Order(3)
    void filterNarrowsToMatchingPathsAndExpandsThem() {
        Text filter = find(shell, Text.class);
        filter.setText("TEMPERATURE");
        Ui.waitFor(display, "filtered status", WAIT, () -> label().getText().equals("8 of 44 points match") ? true : null);
        List<TreeItem> visible = visibleItems(viewer.getTree().getItems(), new ArrayList<>());
        List<String> points = visible.stream().filter(i -> i.getData() instanceof PointInfo).map(TreeItem::getText).toList();
        assertEquals(8, points.size(), "temperature and bearingTemperature of four machines, all shown: " + points);
        filter.setText("");
        Ui.waitFor(display, "unfiltered status", WAIT, () -> label().getText().equals("44 points") ? true : null);
    }

    private static List<TreeItem> visibleItems(TreeItem[] items, List<TreeItem> out) {
        for (TreeItem i : items) {
            out.add(i);
            if (i.getExpanded()) {
                visibleItems(i.getItems(), out);
            }
        }
        return out;
    }

    private static TreeItem item(Object data) {
        return find(viewer.getTree(), d -> d == data);
    }

    private static TreeItem find(Tree tree, Predicate<Object> data) {
        return find(tree.getItems(), data);
    }

    private static TreeItem find(TreeItem[] items, Predicate<Object> data) {
        for (TreeItem i : items) {
            if (i.getData() != null && data.test(i.getData())) {
                return i;
            }
            TreeItem below = find(i.getItems(), data);
            if (below != null) {
                return below;
            }
        }
        return null;
    }

    private static MenuItem menuItem(Menu menu, String text) {
        for (MenuItem i : menu.getItems()) {
            if (text.equals(i.getText())) {
                return i;
            }
        }
        throw new AssertionError("no menu item " + text);
    }

    private static Label label() {
        List<Label> labels = new ArrayList<>();
        collect(shell, Label.class, labels);
        return labels.get(labels.size() - 1);
    }

    private static <T extends Control> T find(Composite c, Class<T> type) {
        List<T> out = new ArrayList<>();
        collect(c, type, out);
        return out.get(0);
    }

    private static <T extends Control> void collect(Composite c, Class<T> type, List<T> out) {
        for (Control child : c.getChildren()) {
            if (type.isInstance(child)) {
                out.add(type.cast(child));
            }
            if (child instanceof Composite sub) {
                collect(sub, type, out);
            }
        }
    }
}
