package io.convergence.ui.features.internal;

import java.util.function.Supplier;

import io.convergence.admin.FeatureService;

import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The feature service the view works with: the best-ranked one registered now. The view never holds
 * on to it, so it keeps working when the admin bundle is updated or restarted.
 */
public final class FeatureServiceTracker implements Supplier<@Nullable FeatureService>, AutoCloseable {

    private final ServiceTracker<FeatureService, FeatureService> tracker;

    /** @param changed told (on the framework's thread) when a feature service comes or goes */
    public FeatureServiceTracker(BundleContext context, Runnable changed) {
        tracker = new ServiceTracker<>(context, FeatureService.class, null) {
            @Override
            public FeatureService addingService(ServiceReference<FeatureService> reference) {
                FeatureService s = super.addingService(reference);
                changed.run();
                return s;
            }

            @Override
            public void removedService(ServiceReference<FeatureService> reference, FeatureService service) {
                super.removedService(reference, service);
                changed.run();
            }
        };
        tracker.open();
    }

    @Override
    public @Nullable FeatureService get() {
        return tracker.getService();
    }

    @Override
    public void close() {
        tracker.close();
    }
}
