package io.convergence.ui.workbench.points;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import io.convergence.api.point.PointPath;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.osgi.service.event.EventHandler;

/**
 * Points passed between views, without a view knowing another: a view that takes points says so
 * in its part descriptor (persisted state {@value #RECEIVES}, the purposes it serves, such as
 * {@value #LIVE} or {@value #TREND}); a view that hands points on (the Plant Explorer's "Add to …",
 * the demo's first layout) lists the {@link #receivers} installed now, and {@link #send}s: the
 * receiving view is shown and gets the paths on its own topic, which it listens on with
 * {@link #receive}. A partner's view takes points the same way. Through drag and drop, SWT's
 * {@code TextTransfer} carries {@link #toText(List)}.
 */
public final class PointHandoff {

    /**
     * Part descriptor persisted-state key of a view that takes points: the purposes it serves,
     * comma-separated (its descriptor's label names it in menus such as "Add to Trend").
     */
    public static final String RECEIVES = "convergence.points.receive";
    /** Purpose: shows the current value of each point. */
    public static final String LIVE = "live";
    /** Purpose: draws the points over time. */
    public static final String TREND = "trend";

    private static final String TOPIC = "convergence/ui/points/add/";

    private PointHandoff() {
    }

    /** The views installed now that take points, by label. */
    public static List<MPartDescriptor> receivers(MApplication app) {
        List<MPartDescriptor> out = new ArrayList<>();
        for (MPartDescriptor d : app.getDescriptors()) {
            if (!purposes(d).isEmpty()) {
                out.add(d);
            }
        }
        out.sort(Comparator.comparing(d -> d.getLocalizedLabel() == null ? d.getElementId() : d.getLocalizedLabel()));
        return out;
    }

    /** The views installed now that serve a purpose, by label. */
    public static List<MPartDescriptor> receivers(MApplication app, String purpose) {
        return receivers(app).stream().filter(d -> purposes(d).contains(purpose)).toList();
    }

    /** The purposes a view's descriptor declares; empty for a view that takes no points. */
    public static List<String> purposes(MPartDescriptor view) {
        String declared = view.getPersistedState().get(RECEIVES);
        if (declared == null || declared.isBlank()) {
            return List.of();
        }
        return Arrays.stream(declared.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The event topic on which the view of that part id takes points. */
    public static String topic(String viewId) {
        StringBuilder b = new StringBuilder(TOPIC);
        for (char c : viewId.toCharArray()) {
            b.append(Character.isLetterOrDigit(c) || c == '-' ? c : '_');
        }
        return b.toString();
    }

    /**
     * Shows a view (opening it if needed) and hands it points.
     *
     * @return whether they were sent: not when {@code points} is empty
     */
    public static boolean send(MPartDescriptor view, List<PointPath> points, EPartService parts, IEventBroker broker) {
        if (points.isEmpty()) {
            return false;
        }
        parts.showPart(view.getElementId(), PartState.VISIBLE);
        return broker.post(topic(view.getElementId()), points.stream().map(PointPath::toString).toList());
    }

    /**
     * Takes the points handed to a part, on the UI thread, until the returned handle is closed
     * (close it when the part is disposed).
     */
    public static AutoCloseable receive(IEventBroker broker, MPart part, Consumer<List<PointPath>> action) {
        EventHandler handler = e -> {
            Object data = e.getProperty(IEventBroker.DATA);
            if (data instanceof List<?> l) {
                action.accept(fromText(String.join("\n", l.stream().map(String::valueOf).toList())));
            }
        };
        broker.subscribe(topic(part.getElementId()), handler);
        return () -> broker.unsubscribe(handler);
    }

    /** Points as dragged text: one path per line. */
    public static String toText(List<PointPath> points) {
        StringBuilder b = new StringBuilder();
        for (PointPath p : points) {
            b.append(p).append('\n');
        }
        return b.toString();
    }

    /** The points in dragged text; lines that are not point paths are ignored. */
    public static List<PointPath> fromText(String text) {
        List<PointPath> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                try {
                    out.add(PointPath.parse(line.strip()));
                } catch (IllegalArgumentException e) {
                    // not a point; skip it
                }
            }
        }
        return out;
    }
}
