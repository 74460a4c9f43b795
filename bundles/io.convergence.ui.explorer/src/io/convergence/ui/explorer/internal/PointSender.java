package io.convergence.ui.explorer.internal;

import java.util.List;

import io.convergence.api.point.PointPath;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.jspecify.annotations.Nullable;

/**
 * Hands points to another view as {@code PointHandoff} describes: shows the view, then posts its
 * topic with the paths as a {@code List<String>}. A view whose bundle is not installed has no part
 * descriptor, and nothing can be sent to it.
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

    /** Whether the view exists in this workbench. */
    boolean canSend(String partId) {
        if (broker == null || parts == null) {
            return false;
        }
        if (application != null && application.getDescriptors().stream().anyMatch(d -> partId.equals(d.getElementId()))) {
            return true;
        }
        return parts.findPart(partId) != null;
    }

    /** Shows the view and posts the points to it; does nothing if the view does not exist. */
    void send(String partId, String topic, List<PointPath> points) {
        if (points.isEmpty() || !canSend(partId) || parts == null || broker == null) {
            return;
        }
        parts.showPart(partId, PartState.VISIBLE);
        broker.post(topic, points.stream().map(PointPath::toString).toList());
    }
}
