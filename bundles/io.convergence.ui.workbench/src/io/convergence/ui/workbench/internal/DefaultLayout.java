package io.convergence.ui.workbench.internal;

import java.util.List;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;

/**
 * Model processor: on a fresh workspace, places every installed view whose descriptor names a
 * default stack (persisted state {@value #DEFAULT_STACK}) into that stack, once. Later the user's
 * layout is what the workspace remembers; views installed later appear in Show View.
 */
public final class DefaultLayout {

    /** Descriptor persisted-state key: the element id of the part stack a view starts in. */
    public static final String DEFAULT_STACK = "convergence.defaultStack";
    private static final String DONE = "convergence.defaultLayoutDone";

    @Execute
    public void execute(MApplication app, EModelService models) {
        if (app.getTags().contains(DONE)) {
            return;
        }
        for (MPartDescriptor d : app.getDescriptors()) {
            String stackId = d.getPersistedState().get(DEFAULT_STACK);
            if (stackId == null) {
                continue;
            }
            List<MPartStack> stacks = models.findElements(app, stackId, MPartStack.class, null, EModelService.ANYWHERE);
            if (stacks.isEmpty() || !models.findElements(app, d.getElementId(), MPart.class, null,
                EModelService.ANYWHERE).isEmpty()) {
                continue;
            }
            MPart part = models.createPart(d);
            stacks.get(0).getChildren().add(part);
            if (stacks.get(0).getSelectedElement() == null) {
                stacks.get(0).setSelectedElement(part);
            }
        }
        app.getTags().add(DONE);
    }
}
