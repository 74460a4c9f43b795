package io.convergence.ui.workbench.internal;

import java.util.List;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.MElementContainer;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.advanced.MPlaceholder;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Model processor run at every start, after fragments: removes views (parts and descriptors) whose
 * bundle is no longer installed from the model the workspace remembered, so that uninstalling a view's bundle takes
 * the view away instead of leaving an error where it was.
 */
public final class StaleViewRemover {

    private static final Logger LOG = LoggerFactory.getLogger(StaleViewRemover.class);
    private static final String SCHEME = "bundleclass://";

    @Execute
    public void execute(MApplication app, EModelService models) {
        // The workspace remembers descriptors too: drop those of bundles that are gone (Show View).
        app.getDescriptors().removeIf(d -> {
            String bsn = bundleOf(d.getContributionURI());
            return bsn != null && !installed(bsn);
        });
        List<MPart> all = models.findElements(app, null, MPart.class, null, EModelService.ANYWHERE);
        for (MPart part : all) {
            String bsn = bundleOf(part.getContributionURI());
            if (bsn != null && !installed(bsn)) {
                LOG.info("removing view {} of bundle {}, which is not installed", part.getElementId(), bsn);
                for (MPlaceholder p : models.findElements(app, null, MPlaceholder.class, null, EModelService.ANYWHERE)) {
                    if (p.getRef() == part) {
                        remove(p);
                    }
                }
                remove(part);
            }
        }
    }

    private static @org.jspecify.annotations.Nullable String bundleOf(@org.jspecify.annotations.Nullable String uri) {
        if (uri == null || !uri.startsWith(SCHEME) || uri.indexOf('/', SCHEME.length()) < 0) {
            return null;
        }
        return uri.substring(SCHEME.length(), uri.indexOf('/', SCHEME.length()));
    }

    private static void remove(MUIElement element) {
        MElementContainer<MUIElement> parent = element.getParent();
        if (parent != null) {
            if (parent.getSelectedElement() == element) {
                parent.setSelectedElement(null);
            }
            parent.getChildren().remove(element);
        }
    }

    private static boolean installed(String bsn) {
        Bundle self = FrameworkUtil.getBundle(StaleViewRemover.class);
        for (Bundle b : self.getBundleContext().getBundles()) {
            if (b.getSymbolicName() != null && b.getSymbolicName().equals(bsn) && b.getState() != Bundle.UNINSTALLED
                && b.getState() != Bundle.INSTALLED) {
                return true;
            }
        }
        return false;
    }
}
