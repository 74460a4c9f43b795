package io.convergence.ui.workbench.internal;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.osgi.service.event.EventHandler;

import jakarta.inject.Named;

/**
 * Window &gt; Show View: every view installed bundles contribute, grouped by category. The list
 * follows bundles that come or go while the dialog is open.
 */
public final class ShowViewHandler {

    @Execute
    public void execute(@Named("activeShell") Shell shell, MApplication app, EPartService parts, EModelService models,
                        IEventBroker broker) {
        ShowViewDialog dialog = new ShowViewDialog(shell, () -> ViewCatalog.of(app.getDescriptors()));
        EventHandler changed = e -> dialog.refresh();
        broker.subscribe(UIEvents.PartDescriptorContainer.TOPIC_DESCRIPTORS, changed);
        try {
            if (dialog.open() != Window.OK || dialog.selected() == null) {
                return;
            }
        } finally {
            broker.unsubscribe(changed);
        }
        String id = dialog.selected().id();
        // The view's bundle may have gone between the choice and now.
        MPartDescriptor descriptor = app.getDescriptors().stream().filter(d -> id.equals(d.getElementId())).findFirst()
            .orElse(null);
        if (descriptor != null) {
            // A view not open anywhere opens in the stack its descriptor names, as on a fresh workspace.
            ViewPlacement.place(app, models, descriptor);
            MPart part = parts.showPart(id, PartState.ACTIVATE);
            if (part != null) {
                parts.activate(part);
            }
        }
    }
}
