package io.convergence.ui.workbench.internal;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** Window &gt; Show View: every view installed bundles contribute, grouped by category. */
public final class ShowViewHandler {

    @Execute
    public void execute(@Named("activeShell") Shell shell, MApplication app, EPartService parts) {
        ShowViewDialog dialog = new ShowViewDialog(shell, ViewCatalog.of(app.getDescriptors()));
        if (dialog.open() == Window.OK && dialog.selected() != null) {
            MPart part = parts.showPart(dialog.selected().id(), PartState.ACTIVATE);
            if (part != null) {
                parts.activate(part);
            }
        }
    }
}
