package io.convergence.ui.workbench.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.MApplicationElement;
import org.eclipse.e4.ui.model.application.MContribution;
import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;
import org.eclipse.e4.ui.model.application.ui.MElementContainer;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.advanced.MPlaceholder;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.jspecify.annotations.Nullable;

/**
 * Takes a bundle's contributions out of the application model: closes its parts (through the part
 * service where they are on screen, so that the view's own clean-up runs and another part becomes
 * active), removes their placeholders and its part descriptors, and removes whatever else its model
 * fragments added (handlers, commands, menu contributions). What belongs to a bundle is what its
 * fragments added ({@code contributorURI}) and every part or descriptor whose class it holds
 * ({@code contributionURI}), so remembered parts of an earlier session count too.
 */
final class ViewRemoval {

    private static final String CLASS_SCHEME = "bundleclass://";
    private static final String CONTRIBUTOR_SCHEME = "platform:/plugin/";

    private ViewRemoval() {
    }

    /** Whether a model element belongs to a bundle {@code gone} accepts. */
    static boolean belongs(MApplicationElement e, Predicate<String> gone) {
        String uri = e.getContributorURI();
        if (uri != null && uri.startsWith(CONTRIBUTOR_SCHEME) && gone.test(uri.substring(CONTRIBUTOR_SCHEME.length()))) {
            return true;
        }
        String bsn = e instanceof MContribution c ? bundleOf(c.getContributionURI()) : null;
        return bsn != null && gone.test(bsn);
    }

    /** The bundle a {@code bundleclass://} URI names, or {@code null} for another kind of URI. */
    static @Nullable String bundleOf(@Nullable String uri) {
        if (uri == null || !uri.startsWith(CLASS_SCHEME) || uri.indexOf('/', CLASS_SCHEME.length()) < 0) {
            return null;
        }
        return uri.substring(CLASS_SCHEME.length(), uri.indexOf('/', CLASS_SCHEME.length()));
    }

    /** When the removal happens. */
    enum When {
        /**
         * From a model processor, before anything is rendered: remembered parts and descriptors only
         * (at start, a bundle that is not started may still be one the shell itself needs).
         */
        AT_START,
        /**
         * While the workbench runs, for one bundle that goes: rendered parts are hidden through their
         * window's part service, and everything else its fragments added goes too.
         */
        LIVE
    }

    /**
     * What a removal took out of the model.
     *
     * @param parts the element ids of the parts closed or removed
     * @param closed the element ids of those that were on screen and were closed (their widgets disposed)
     * @param descriptors the element ids of the part descriptors removed (Show View no longer lists them)
     * @param others how many other elements the bundles' fragments had added
     */
    record Removed(List<String> parts, List<String> closed, List<String> descriptors, int others) {

        boolean isEmpty() {
            return parts.isEmpty() && descriptors.isEmpty() && others == 0;
        }
    }

    /**
     * Removes the parts and descriptors of the bundles {@code gone} says are gone, and while the
     * workbench runs everything else they added.
     */
    static Removed remove(MApplication app, EModelService models, Predicate<String> gone, When when) {
        boolean close = when == When.LIVE;
        List<String> parts = new ArrayList<>();
        List<String> closed = new ArrayList<>();
        List<String> descriptors = new ArrayList<>();
        Set<MPartStack> emptied = new HashSet<>();
        for (MPart part : models.findElements(app, null, MPart.class, null, EModelService.ANYWHERE)) {
            if (!belongs(part, gone)) {
                continue;
            }
            if ((Object) part.getParent() instanceof MPartStack stack) {
                emptied.add(stack);
            }
            if (close && part.getWidget() != null) {
                MWindow window = models.getTopLevelWindowFor(part);
                EPartService service = window == null || window.getContext() == null ? null
                    : window.getContext().get(EPartService.class);
                if (service != null) {
                    service.hidePart(part, true);
                    if (part.getWidget() == null) {
                        closed.add(part.getElementId());
                    }
                }
            }
            for (MPlaceholder p : models.findElements(app, null, MPlaceholder.class, null, EModelService.ANYWHERE)) {
                if (p.getRef() == part) {
                    detach(p);
                }
            }
            detach(part);
            parts.add(part.getElementId());
        }
        for (MPartDescriptor d : List.copyOf(app.getDescriptors())) {
            if (belongs(d, gone)) {
                app.getDescriptors().remove(d);
                descriptors.add(d.getElementId());
            }
        }
        if (when == When.AT_START) {
            return new Removed(parts, closed, descriptors, 0);
        }
        // A stack the bundle's views leave empty goes off screen; it stays in the model for the next view.
        for (MPartStack stack : emptied) {
            if (stack.getChildren().stream().noneMatch(MUIElement::isToBeRendered)) {
                stack.setToBeRendered(false);
            }
        }
        // Whatever else the bundle's fragments added: handlers, commands, menus, snippets.
        List<MApplicationElement> rest = new ArrayList<>();
        for (EObject o : (Iterable<EObject>) () -> EcoreUtil.getAllContents((EObject) app, true)) {
            if (o instanceof MApplicationElement e && o != app && belongs(e, gone)) {
                rest.add(e);
            }
        }
        for (MApplicationElement e : rest) {
            if (e instanceof MUIElement ui) {
                detach(ui);
            } else if (((EObject) e).eContainer() != null) {
                EcoreUtil.remove((EObject) e);
            }
        }
        return new Removed(parts, closed, descriptors, rest.size());
    }

    private static void detach(MUIElement element) {
        element.setToBeRendered(false);
        MElementContainer<MUIElement> parent = element.getParent();
        if (parent != null) {
            if (parent.getSelectedElement() == element) {
                parent.setSelectedElement(null);
            }
            parent.getChildren().remove(element);
        } else if (((EObject) element).eContainer() != null) {
            // shared elements and detached windows hang off their window, not a container
            EcoreUtil.remove((EObject) element);
        }
    }
}
