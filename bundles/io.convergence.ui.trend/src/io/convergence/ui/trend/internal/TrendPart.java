package io.convergence.ui.trend.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.convergence.api.bus.SampleBus;
import io.convergence.api.historian.Historian;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.PointRegistry;
import io.convergence.ui.trend.internal.data.LiveFeed;
import io.convergence.ui.trend.internal.data.Services;
import io.convergence.ui.trend.internal.data.TrendController;
import io.convergence.ui.trend.internal.model.TrendModel;
import io.convergence.ui.trend.internal.model.TimeWindow;
import io.convergence.ui.trend.internal.model.TrendState;
import io.convergence.ui.workbench.points.PointHandoff;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.jspecify.annotations.Nullable;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The Trend view as an e4 part: wires services, controller and widgets together, restores the pens
 * and range from the part's persisted state and keeps them there, and takes points handed over by
 * other views ({@link PointHandoff}), with the time window to show when they come with one.
 */
public final class TrendPart {

    private final LiveFeed feed = new LiveFeed();
    private final Services services = new Services(this::historianChanged);
    private volatile @Nullable Display display;
    private @Nullable TrendView view;
    private @Nullable TrendController controller;
    private Map<String, String> state = new HashMap<>();
    private @Nullable AutoCloseable handoff;

    @Inject
    void historian(@Optional @Service @Nullable Historian historian) {
        services.historian(historian);
    }

    @Inject
    void registry(@Optional @Service @Nullable PointRegistry registry) {
        services.registry(registry);
    }

    @Inject
    void bus(@Optional @Service @Nullable SampleBus bus) {
        feed.attach(bus);
    }

    /** Builds the view on {@code parent}, keeping its state in the part's persisted state. */
    @PostConstruct
    public void create(Composite parent, @Optional @Nullable MPart part, @Optional @Nullable IEventBroker broker) {
        if (part != null && broker != null) {
            handoff = PointHandoff.receiveWindow(broker, part, h -> {
                TrendView v = view;
                if (v != null) {
                    v.addPaths(h.points());
                    Instant from = h.from();
                    Instant to = h.to();
                    if (from != null && to != null) {
                        // An order's or a shift's time on the line: show that, fixed, not the last hour.
                        v.showWindow(new TimeWindow(micros(from), micros(to)));
                    }
                }
            });
        }
        Map<String, String> persisted = part == null ? new HashMap<>() : part.getPersistedState();
        state = persisted;
        Display d = parent.getDisplay();
        display = d;
        long now = now();
        TrendModel model = new TrendModel(now);
        TrendState.restoreRange(persisted, model, now);
        TrendController c = new TrendController(model, feed, services::historian, r -> ui(d, r), TrendPart::now,
            () -> ui(d, this::render));
        controller = c;
        TrendView v = new TrendView(parent, c, services, this::save);
        view = v;
        for (TrendState.SavedPen p : TrendState.pens(persisted)) {
            v.addSaved(p);
        }
        v.render();
    }

    /** Points handed over by another view: one path per list element. */
    public void addPoints(List<?> paths) {
        TrendView v = view;
        if (v == null) {
            return;
        }
        List<PointPath> parsed = PointHandoff.fromText(String.join("\n", paths.stream().map(String::valueOf).toList()));
        v.addPaths(parsed);
    }

    @Focus
    public void focus() {
        TrendView v = view;
        if (v != null) {
            v.setFocus();
        }
    }

    /** The SWTChart chart, for tests and benchmarks. */
    public org.eclipse.swtchart.Chart chart() {
        return requireView().chart().chart();
    }

    /** The Y axis of a unit, if the chart has one; for tests. */
    public org.eclipse.swtchart.@Nullable IAxis yAxis(String unit) {
        return requireView().chart().yAxis(unit);
    }

    /** The status line's text. */
    public String status() {
        return requireView().status();
    }

    /** Redraws now if anything changed. */
    public void refresh() {
        requireView().render();
    }

    /** Saves the chart and its time axis, as on screen, to a PNG file. */
    public void savePng(java.nio.file.Path file) {
        ImageExport.savePng(requireView().body(), file);
    }

    private TrendView requireView() {
        TrendView v = view;
        if (v == null) {
            throw new IllegalStateException("the trend part is not created or already disposed");
        }
        return v;
    }

    /** The controller, for tests. */
    public @Nullable TrendController controller() {
        return controller;
    }

    private void render() {
        TrendView v = view;
        if (v != null) {
            v.render();
        }
    }

    private void save(Map<String, String> next) {
        state.keySet().removeIf(k -> k.startsWith("trend.") && !next.containsKey(k));
        next.forEach((k, val) -> {
            if (!val.equals(state.get(k))) {
                state.put(k, val);
            }
        });
    }

    /** The historian came, went or changed (on the injecting thread): read history again. */
    private void historianChanged() {
        Display d = display;
        if (d != null) {
            ui(d, () -> {
                TrendController c = controller;
                if (c != null) {
                    c.historianChanged();
                }
            });
        }
    }

    private static void ui(Display display, Runnable r) {
        if (!display.isDisposed()) {
            display.asyncExec(() -> {
                if (!display.isDisposed()) {
                    r.run();
                }
            });
        }
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    private static long now() {
        java.time.Instant t = java.time.Instant.now();
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    @PreDestroy
    public void dispose() {
        TrendController c = controller;
        if (c != null) {
            c.close();
        }
        feed.close();
        view = null;
        AutoCloseable h = handoff;
        if (h != null) {
            try {
                h.close();
            } catch (Exception e) {
                // the broker went with the workbench
            }
        }
    }
}
