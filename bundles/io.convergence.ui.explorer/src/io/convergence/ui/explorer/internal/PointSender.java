package io.convergence.ui.explorer.internal;

import java.util.List;

import io.convergence.api.point.PointPath;
import io.convergence.ui.workbench.points.PointHandoff;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.jspecify.annotations.Nullable;

/**
 * Hands points to the views that take them ({@link PointHandoff}): whichever are installed now,
 * ours or a partner's. Nothing can be sent while no such view is installed.
 */
final class PointSender {

    private final @Nullable MApplication application;
    private final @Nullable EPartService parts;
    private final @Nullable IEventBroker broker;

    PointSender(@Nullable MApplication application, @Nullable EPartService parts, @Nullable IEventBroker broker) {
        this.application = application;
        this.parts = parts;
        this.broker = broker;
    }

    /** The views installed now that take points, by label. */
    List<MPartDescriptor> receivers() {
        return application == null || parts == null || broker == null ? List.of() : PointHandoff.receivers(application);
    }

    /** Where a double-click sends a point: the first view showing current values, else the first that takes points. */
    @Nullable MPartDescriptor primary() {
        List<MPartDescriptor> all = receivers();
        return all.stream().filter(d -> PointHandoff.purposes(d).contains(PointHandoff.LIVE)).findFirst()
            .orElse(all.isEmpty() ? null : all.get(0));
    }

    /** Shows the view and hands it the points. */
    void send(MPartDescriptor view, List<PointPath> points) {
        if (parts != null && broker != null) {
            PointHandoff.send(view, points, parts, broker);
        }
    }
}
