package io.convergence.ui.workbench.internal;

import java.util.List;
import java.util.function.Supplier;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.jspecify.annotations.Nullable;

/** Lists the installed views by category; double-click or OK opens one. */
final class ShowViewDialog extends Dialog {

    private final Supplier<ViewCatalog> catalogs;
    private ViewCatalog catalog;
    private ViewCatalog.@Nullable View selected;
    private @Nullable Label description;
    private @Nullable TreeViewer tree;

    ShowViewDialog(Shell parent, Supplier<ViewCatalog> catalogs) {
        super(parent);
        this.catalogs = catalogs;
        this.catalog = catalogs.get();
    }

    /** Lists the views again (a view bundle came or went); the choice stays if its view is still there. */
    void refresh() {
        TreeViewer t = tree;
        if (t == null || t.getControl().isDisposed()) {
            return;
        }
        catalog = catalogs.get();
        ViewCatalog.@Nullable View was = selected;
        t.setInput(catalog);
        t.expandAll();
        ViewCatalog.@Nullable View still = was == null ? null : catalog.byCategory().values().stream()
            .flatMap(List::stream).filter(v -> v.id().equals(was.id())).findFirst().orElse(null);
        t.setSelection(still == null ? StructuredSelection.EMPTY : new StructuredSelection(still), true);
    }

    ViewCatalog.@Nullable View selected() {
        return selected;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Show View");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        TreeViewer tree = new TreeViewer(area, SWT.BORDER | SWT.SINGLE);
        this.tree = tree;
        GridDataFactory.fillDefaults().grab(true, true).hint(360, 320).applyTo(tree.getControl());
        tree.setContentProvider(new Content());
        tree.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                return element instanceof ViewCatalog.View v ? v.label() : String.valueOf(element);
            }
        });
        tree.setInput(catalog);
        tree.expandAll();
        description = new Label(area, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(description);
        tree.addSelectionChangedListener(e -> {
            Object o = ((StructuredSelection) e.getSelection()).getFirstElement();
            selected = o instanceof ViewCatalog.View v ? v : null;
            if (description != null) {
                description.setText(selected == null ? "" : selected.description());
            }
            if (getButton(IDialogConstants.OK_ID) != null) {
                getButton(IDialogConstants.OK_ID).setEnabled(selected != null);
            }
        });
        tree.addDoubleClickListener(e -> {
            if (selected != null) {
                okPressed();
            }
        });
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        getButton(IDialogConstants.OK_ID).setText("Open");
        getButton(IDialogConstants.OK_ID).setEnabled(false);
    }

    private final class Content implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return ((ViewCatalog) input).byCategory().keySet().toArray();
        }

        @Override
        public Object[] getChildren(Object parent) {
            return parent instanceof String c ? views(c).toArray() : new Object[0];
        }

        @Override
        public @Nullable Object getParent(Object element) {
            return null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return element instanceof String;
        }

        private List<ViewCatalog.View> views(String category) {
            return catalog.byCategory().getOrDefault(category, List.of());
        }
    }
}
