package io.convergence.ui.workbench.internal;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Model processor run at every start, after fragments: removes views (parts and descriptors) whose
 * bundle is not started from the model the workspace remembered, so that uninstalling a view's
 * bundle while the workbench was closed takes the view away instead of leaving an error where it
 * was. While the workbench runs, {@link LiveViews} does the same the moment a bundle stops.
 */
public final class StaleViewRemover {

    private static final Logger LOG = LoggerFactory.getLogger(StaleViewRemover.class);

    @Execute
    public void execute(MApplication app, EModelService models) {
        ViewRemoval.Removed r = ViewRemoval.remove(app, models, bsn -> !started(bsn), ViewRemoval.When.AT_START);
        if (!r.isEmpty()) {
            LOG.info("removed views whose bundle is not started: parts {}, views {}", r.parts(), r.descriptors());
        }
    }

    /** Whether a bundle of that name is started (active, or waiting for its first class to load). */
    static boolean started(String bsn) {
        Bundle self = FrameworkUtil.getBundle(StaleViewRemover.class);
        for (Bundle b : self.getBundleContext().getBundles()) {
            if (bsn.equals(b.getSymbolicName()) && (b.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0) {
                return true;
            }
        }
        return false;
    }
}
