package io.convergence.ui.workbench.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.convergence.api.point.PointPath;
import io.convergence.api.point.PointRegistry;
import io.convergence.ui.workbench.points.PointHandoff;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The first time a demo workspace opens, puts the filler's key values into Live Values and its
 * vibration and bearing temperature into a Trend, once the simulated plant's points are known, so
 * that a newcomer sees data moving in the first minute. Later starts keep what the user chose.
 */
final class DemoStarter {

    static final List<String> LIVE = List.of("filler/state", "filler/speed", "filler/goodCount", "filler/rejectCount",
        "filler/temperature", "filler/vibration", "capper/state", "capper/speed", "labeler/state", "palletizer/state");
    static final List<String> TREND = List.of("filler/vibration", "filler/bearingTemperature");
    private static final String LINE = "acme/lyon/packaging/line1/";

    private DemoStarter() {
    }

    /** Call from a background thread: waits up to a minute for the points. */
    static void populateOnce(BundleContext ctx, Path workspace, MApplication app, UISynchronize ui) throws IOException {
        Path marker = workspace.resolve(".demo-views");
        if (Files.exists(marker)) {
            return;
        }
        ServiceTracker<PointRegistry, PointRegistry> registry = new ServiceTracker<>(ctx, PointRegistry.class, null);
        registry.open();
        try {
            PointPath wanted = PointPath.parse(LINE + TREND.get(0));
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                PointRegistry r = registry.getService();
                if (r != null && r.find(wanted).isPresent()) {
                    break;
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } finally {
            registry.close();
        }
        ui.asyncExec(() -> {
            EPartService parts = app.getSelectedElement().getContext().get(EPartService.class);
            IEventBroker broker = app.getContext().get(IEventBroker.class);
            if (parts == null || broker == null) {
                return;
            }
            handTo(app, PointHandoff.LIVE, LIVE, parts, broker);
            handTo(app, PointHandoff.TREND, TREND, parts, broker);
        });
        Files.writeString(marker, "views populated with the demo's points\n");
    }

    /** Hands the points to the first view installed that serves the purpose, if any is. */
    private static void handTo(MApplication app, String purpose, List<String> points, EPartService parts, IEventBroker broker) {
        List<MPartDescriptor> views = PointHandoff.receivers(app, purpose);
        if (!views.isEmpty()) {
            PointHandoff.send(views.get(0), points.stream().map(p -> PointPath.parse(LINE + p)).toList(), parts, broker);
        }
    }
}
