package io.convergence.ui.workbench.internal;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.MApplicationElement;
import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Display;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Addon: views come and go with their bundles while the workbench runs. A view is there while its
 * bundle is started (lazily started counts, as views are {@code Bundle-ActivationPolicy: lazy}):
 * when a bundle that declares model fragments starts, its fragments are merged into the running
 * application (Show View lists its views at once) and each of its views whose descriptor names a
 * default stack is placed there; when it stops (on the way to an update or an uninstall too), its
 * parts are closed and its descriptors and other model elements removed, on the UI thread and before
 * the bundle is gone, so that the view's own clean-up still finds its classes. The saved workspace
 * then holds nothing of it. e4 merges fragments only at start; this addon does the rest.
 */
public final class LiveViews {

    private static final Logger LOG = LoggerFactory.getLogger(LiveViews.class);
    /** How long a stopping bundle waits for the UI thread to close its views. */
    private static final long CLOSE_WAIT_SECONDS = 10;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Inject
    private MApplication app;
    @Inject
    private EModelService models;
    @Inject
    private Display display;

    private @Nullable BundleTracker<String> tracker;
    private volatile boolean closing;

    @PostConstruct
    public void start() {
        BundleContext ctx = FrameworkUtil.getBundle(LiveViews.class).getBundleContext();
        IExtensionRegistry registry = RegistryFactory.getRegistry();
        BundleTracker<String> t = new BundleTracker<>(ctx, Bundle.STARTING | Bundle.ACTIVE, new BundleTrackerCustomizer<>() {
            @Override
            public @Nullable String addingBundle(Bundle bundle, @Nullable BundleEvent event) {
                String bsn = bundle.getSymbolicName();
                if (bsn == null || registry == null || ViewFragments.declared(registry, bsn).isEmpty()) {
                    return null;
                }
                // Bundles started before the workbench were merged by e4 at start.
                if (event != null || !hasElements(bsn)) {
                    ui(() -> add(registry, bsn), false);
                }
                return bsn;
            }

            @Override
            public void modifiedBundle(Bundle bundle, @Nullable BundleEvent event, String bsn) {
            }

            @Override
            public void removedBundle(Bundle bundle, @Nullable BundleEvent event, String bsn) {
                if (!closing && (ctx.getBundle(0).getState() & Bundle.STOPPING) == 0) {
                    ui(() -> remove(bsn), true);
                }
            }
        });
        tracker = t;
        t.open();
    }

    @PreDestroy
    public void stop() {
        // The workbench closes: its model is saved as it is, every view included.
        closing = true;
        BundleTracker<String> t = tracker;
        if (t != null) {
            t.close();
        }
    }

    private boolean hasElements(String bsn) {
        boolean[] found = {false};
        ui(() -> found[0] = app.getDescriptors().stream().anyMatch(d -> ViewRemoval.belongs(d, bsn::equals)), true);
        return found[0];
    }

    private void add(IExtensionRegistry registry, String bsn) {
        List<MApplicationElement> merged = new ArrayList<>();
        for (ViewFragments.Declared d : ViewFragments.declared(registry, bsn)) {
            try {
                merged.addAll(ViewFragments.merge(app, d));
            } catch (RuntimeException e) {
                LOG.error("the views of {} cannot be added: {}", bsn, e.getMessage());
            }
        }
        List<String> placed = new ArrayList<>();
        for (MApplicationElement e : merged) {
            if (e instanceof MPartDescriptor d && ViewPlacement.place(app, models, d) != null) {
                placed.add(d.getElementId());
            }
        }
        LOG.info("bundle {} started: added {}, placed {}", bsn, merged.stream().map(MApplicationElement::getElementId).toList(), placed);
        for (MApplicationElement e : merged) {
            if (e instanceof MPartDescriptor d) {
                // As the Show View dialog lists it: category and label.
                String where = placed.contains(d.getElementId())
                    ? ", placed in " + d.getPersistedState().get(ViewPlacement.DEFAULT_STACK) : "";
                ViewCatalog.of(List.of(d)).byCategory().forEach((category, views) -> say("views: added "
                    + d.getElementId() + " to Show View (" + category + " > " + views.get(0).label() + ")" + where));
            }
        }
    }

    private void remove(String bsn) {
        ViewRemoval.Removed r = ViewRemoval.remove(app, models, bsn::equals, ViewRemoval.When.LIVE);
        LOG.info("bundle {} stopped: closed parts {}, removed views {} and {} other model elements", bsn, r.parts(),
            r.descriptors(), r.others());
        if (!r.descriptors().isEmpty() || !r.parts().isEmpty()) {
            say("views: removed " + String.join(", ", r.descriptors()) + " from Show View; closed the open parts "
                + r.closed() + (r.parts().size() > r.closed().size() ? ", removed the parts not on screen "
                    + r.parts().stream().filter(p -> !r.closed().contains(p)).toList() : ""));
        }
    }

    /**
     * A line on standard output, as the runtime reports live feature changes: what an administrator
     * watching the console (or a script) sees of views coming and going.
     */
    private static void say(String line) {
        System.out.println(LocalTime.now().format(CLOCK) + "  " + line);
        System.out.flush();
    }

    /**
     * Runs on the UI thread: now if this is it, otherwise posted, and with {@code wait} until done
     * (at most {@value #CLOSE_WAIT_SECONDS} s: a bundle event must not hang on a busy UI thread).
     */
    private void ui(Runnable r, boolean wait) {
        Runnable guarded = () -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.error("updating the workbench's views failed", e);
            }
        };
        if (display.isDisposed()) {
            return;
        }
        if (display.getThread() == Thread.currentThread()) {
            guarded.run();
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        try {
            display.asyncExec(() -> {
                try {
                    guarded.run();
                } finally {
                    done.countDown();
                }
            });
        } catch (SWTException e) {
            return; // the display went away meanwhile: the workbench is closing
        }
        if (wait) {
            try {
                if (!done.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warn("the UI thread did not answer within {} s; the views follow when it does", CLOSE_WAIT_SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
