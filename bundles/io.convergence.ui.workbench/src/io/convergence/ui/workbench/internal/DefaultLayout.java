package io.convergence.ui.workbench.internal;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;
import org.eclipse.e4.ui.workbench.modeling.EModelService;

/**
 * Model processor: on a fresh workspace, places every installed view whose descriptor names a
 * default stack (persisted state {@value ViewPlacement#DEFAULT_STACK}) into that stack, once. Later
 * the user's layout is what the workspace remembers; a view installed while the workbench runs is
 * placed by {@link LiveViews}. At every start, the stacks views name are kept in the model even
 * when empty, so that a view installed later finds its stack.
 */
public final class DefaultLayout {

    private static final String DONE = "convergence.defaultLayoutDone";

    @Execute
    public void execute(MApplication app, EModelService models) {
        ViewPlacement.keepNamedStacks(app, models);
        if (app.getTags().contains(DONE)) {
            return;
        }
        for (MPartDescriptor d : app.getDescriptors()) {
            ViewPlacement.place(app, models, d);
        }
        app.getTags().add(DONE);
    }
}
