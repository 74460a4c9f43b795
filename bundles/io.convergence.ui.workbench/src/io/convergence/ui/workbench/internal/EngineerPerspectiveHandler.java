package io.convergence.ui.workbench.internal;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/** Window &gt; Perspective &gt; Engineer. */
public final class EngineerPerspectiveHandler {

    @Execute
    public void execute(MApplication app, EModelService models, EPartService parts) {
        PerspectiveSwitch.to(PerspectiveSwitch.ENGINEER, app, models, parts);
    }
}
