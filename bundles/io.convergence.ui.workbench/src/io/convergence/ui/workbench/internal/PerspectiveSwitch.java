package io.convergence.ui.workbench.internal;

import java.util.List;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/** Switches to a perspective of the main window by id. */
final class PerspectiveSwitch {

    static final String OPERATE = "io.convergence.ui.perspective.operate";
    static final String ENGINEER = "io.convergence.ui.perspective.engineer";

    private PerspectiveSwitch() {
    }

    static void to(String id, MApplication app, EModelService models, EPartService parts) {
        List<MPerspective> found = models.findElements(app, id, MPerspective.class);
        if (!found.isEmpty()) {
            parts.switchPerspective(found.get(0));
        }
    }
}
