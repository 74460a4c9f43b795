package io.convergence.ui.workbench.points;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.convergence.api.point.PointPath;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.jspecify.annotations.Nullable;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;

/**
 * Points passed between views, without a view knowing another: a view that takes points says so
 * in its part descriptor (persisted state {@value #RECEIVES}, the purposes it serves, such as
 * {@value #LIVE} or {@value #TREND}); a view that hands points on (the Plant Explorer's "Add to …",
 * the demo's first layout) lists the {@link #receivers} installed now, and {@link #send}s: the
 * receiving view is shown and gets the paths on its own topic, which it listens on with
 * {@link #receive}. A partner's view takes points the same way. Through drag and drop, SWT's
 * {@code TextTransfer} carries {@link #toText(List)}.
 *
 * <p>Since 2.1 points can come with a time window ({@link #send(MPartDescriptor, List, Instant,
 * Instant, EPartService, IEventBroker)}): the Orders view hands the line's points and an order's
 * start and end to a trend. A receiver that listens with {@link #receiveWindow} gets the window;
 * one that listens with {@link #receive} gets the points as before.
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

    /** Event property of a handoff with a time window: its start, ISO-8601 text. */
    public static final String FROM = "convergence.points.from";
    /** Event property of a handoff with a time window: its end, ISO-8601 text. */
    public static final String TO = "convergence.points.to";

    private static final String TOPIC = "convergence/ui/points/add/";

    /**
     * Points handed over, and the time window to show them in when the sender gave one.
     *
     * @param points the points
     * @param from the window's start, {@code null} without a window
     * @param to the window's end, {@code null} without a window (then both are)
     */
    public record Handoff(List<PointPath> points, @Nullable Instant from, @Nullable Instant to) {

        /** Whether a window came with the points. */
        public boolean hasWindow() {
            return from != null && to != null;
        }
    }

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
     * Shows a view (opening it if needed) and hands it points with the time window to show them in,
     * {@code [from, to)}.
     *
     * @return whether they were sent: not when {@code points} is empty
     * @throws IllegalArgumentException if {@code to} is not after {@code from}
     * @since 2.1
     */
    public static boolean send(MPartDescriptor view, List<PointPath> points, Instant from, Instant to,
                               EPartService parts, IEventBroker broker) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("the time window to hand over ends (" + to + ") before it starts (" + from + ")");
        }
        if (points.isEmpty()) {
            return false;
        }
        parts.showPart(view.getElementId(), PartState.VISIBLE);
        Map<String, Object> data = new HashMap<>();
        data.put(IEventBroker.DATA, points.stream().map(PointPath::toString).toList());
        data.put(FROM, from.toString());
        data.put(TO, to.toString());
        return broker.post(topic(view.getElementId()), data);
    }

    /**
     * Takes the points handed to a part with the window they came with, if any, on the UI thread,
     * until the returned handle is closed (close it when the part is disposed).
     *
     * @since 2.1
     */
    public static AutoCloseable receiveWindow(IEventBroker broker, MPart part, Consumer<Handoff> action) {
        EventHandler handler = e -> {
            List<PointPath> points = points(e);
            if (points != null) {
                Instant from = instant(e.getProperty(FROM));
                Instant to = instant(e.getProperty(TO));
                boolean window = from != null && to != null && to.isAfter(from);
                action.accept(new Handoff(points, window ? from : null, window ? to : null));
            }
        };
        broker.subscribe(topic(part.getElementId()), handler);
        return () -> broker.unsubscribe(handler);
    }

    private static @Nullable List<PointPath> points(Event e) {
        Object data = e.getProperty(IEventBroker.DATA);
        if (data instanceof List<?> l) {
            return fromText(String.join("\n", l.stream().map(String::valueOf).toList()));
        }
        return null;
    }

    private static @Nullable Instant instant(@Nullable Object text) {
        if (text instanceof String s) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException ex) {
                return null;
            }
        }
        return null;
    }

    /**
     * Takes the points handed to a part, on the UI thread, until the returned handle is closed
     * (close it when the part is disposed).
     */
    public static AutoCloseable receive(IEventBroker broker, MPart part, Consumer<List<PointPath>> action) {
        EventHandler handler = e -> {
            List<PointPath> points = points(e);
            if (points != null) {
                action.accept(points);
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
