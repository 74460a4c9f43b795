package io.convergence.ui.workbench.internal;

import java.util.List;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.jspecify.annotations.Nullable;

/**
 * Puts a view into the part stack its descriptor names (persisted state {@value #DEFAULT_STACK}):
 * on a fresh workspace for every view, and for a view whose bundle arrives while the workbench runs.
 */
final class ViewPlacement {

    /** Descriptor persisted-state key: the element id of the part stack a view starts in. */
    static final String DEFAULT_STACK = "convergence.defaultStack";
    /**
     * e4's tag that keeps a stack in the model when its last part goes (its cleanup would remove it):
     * the stacks views name must stay for the next view that asks for them.
     */
    static final String KEEP = "NoAutoCollapse";

    private ViewPlacement() {
    }

    /**
     * Adds a part for the descriptor to its default stack, unless the descriptor names none, the
     * stack does not exist, or the model already holds a part with the descriptor's id. The part
     * becomes the stack's selected one only if the stack had none, so an arriving view never pushes
     * aside what the user is looking at.
     *
     * @return the part added, or {@code null}
     */
    static @Nullable MPart place(MApplication app, EModelService models, MPartDescriptor d) {
        String stackId = d.getPersistedState().get(DEFAULT_STACK);
        if (stackId == null) {
            return null;
        }
        List<MPartStack> stacks = models.findElements(app, stackId, MPartStack.class, null, EModelService.ANYWHERE);
        if (stacks.isEmpty()
            || !models.findElements(app, d.getElementId(), MPart.class, null, EModelService.ANYWHERE).isEmpty()) {
            return null;
        }
        MPart part = models.createPart(d);
        MPartStack stack = stacks.get(0);
        stack.getChildren().add(part);
        if (stack.getSelectedElement() == null) {
            stack.setSelectedElement(part);
        }
        // The stack may have been hidden when its last view went: bring it (and its sashes) back.
        for (MUIElement e = stack; e != null && !(e instanceof MPerspective) && !(e instanceof MWindow); e = e.getParent()) {
            e.setToBeRendered(true);
            e.setVisible(true);
        }
        return part;
    }

    /** Marks the stacks views name as stacks to keep, in a workspace saved before they were marked. */
    static void keepNamedStacks(MApplication app, EModelService models) {
        for (MPartDescriptor d : app.getDescriptors()) {
            String stackId = d.getPersistedState().get(DEFAULT_STACK);
            if (stackId != null) {
                for (MPartStack s : models.findElements(app, stackId, MPartStack.class, null, EModelService.ANYWHERE)) {
                    if (!s.getTags().contains(KEEP)) {
                        s.getTags().add(KEEP);
                    }
                }
            }
        }
    }
}
