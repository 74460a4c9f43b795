package io.convergence.ui.workbench.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.convergence.api.event.Registration;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.PointRegistry;
import io.convergence.ui.workbench.points.PointHandoff;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.jspecify.annotations.Nullable;

/**
 * The first time a demo workspace opens, hands the demo's first points to a view that shows
 * current values and to one that draws trends (whichever are installed), once the simulated
 * plant has announced them, so that a newcomer sees data moving in the first minute; then brings
 * to the front every installed view whose descriptor asks for it ({@value #DEMO_FRONT} = true, as
 * the OEE view does). Later starts keep what the user chose.
 */
final class DemoStarter {

    private static final long WAIT_SECONDS = 60;
    /** Persisted state of a part descriptor: the demo shows this view in front the first time. */
    static final String DEMO_FRONT = "convergence.demo.front";

    private DemoStarter() {
    }

    /** Call from a background thread: waits up to a minute for the points to be announced. */
    static void populateOnce(@Nullable PointRegistry registry, Path workspace, MApplication app, UISynchronize ui,
                             List<PointPath> live, List<PointPath> trend) throws IOException {
        Path marker = workspace.resolve(".demo-views");
        if (Files.exists(marker) || registry == null || trend.isEmpty()) {
            return;
        }
        PointPath wanted = trend.get(0);
        CountDownLatch announced = new CountDownLatch(1);
        // Told at once of the points known now, then of every change: no polling.
        try (Registration r = registry.addListener(change -> {
            if (change.added().stream().anyMatch(p -> p.path().equals(wanted))) {
                announced.countDown();
            }
        })) {
            if (!announced.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        ui.asyncExec(() -> {
            EPartService parts = app.getSelectedElement().getContext().get(EPartService.class);
            IEventBroker broker = app.getContext().get(IEventBroker.class);
            if (parts == null || broker == null) {
                return;
            }
            handTo(app, PointHandoff.LIVE, live, parts, broker);
            handTo(app, PointHandoff.TREND, trend, parts, broker);
            for (MPartDescriptor d : app.getDescriptors()) {
                if ("true".equals(d.getPersistedState().get(DEMO_FRONT))) {
                    parts.showPart(d.getElementId(), EPartService.PartState.ACTIVATE);
                }
            }
        });
        Files.writeString(marker, "views populated with the demo's points\n");
    }

    /** Hands the points to the first view installed that serves the purpose, if any is. */
    private static void handTo(MApplication app, String purpose, List<PointPath> points, EPartService parts,
                               IEventBroker broker) {
        List<MPartDescriptor> views = PointHandoff.receivers(app, purpose);
        if (!views.isEmpty()) {
            PointHandoff.send(views.get(0), points, parts, broker);
        }
    }
}
