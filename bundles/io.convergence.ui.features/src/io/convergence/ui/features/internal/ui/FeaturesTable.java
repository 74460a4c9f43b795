package io.convergence.ui.features.internal.ui;

import java.util.List;
import java.util.function.Function;

import io.convergence.admin.InstalledFeature;
import io.convergence.ui.features.internal.FeaturesModel;
import io.convergence.ui.features.internal.Messages;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.IElementComparer;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.jspecify.annotations.Nullable;

/** The installed features: name, version, trust (coloured when it is not trusted), root, provider and id. */
final class FeaturesTable {

    private final TableViewer viewer;

    FeaturesTable(Composite parent) {
        viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        // Rows are values re-read after every change: keep the selection by feature id.
        viewer.setComparer(new IElementComparer() {
            @Override
            public boolean equals(Object a, Object b) {
                return a instanceof InstalledFeature fa && b instanceof InstalledFeature fb ? fa.id().equals(fb.id()) : a.equals(b);
            }

            @Override
            public int hashCode(Object element) {
                return element instanceof InstalledFeature f ? f.id().hashCode() : element.hashCode();
            }
        });
        ColumnViewerToolTipSupport.enableFor(viewer);
        // Trust and root before provider and id: in a narrow view they must stay in sight.
        column(Messages.Column_name, 230, InstalledFeature::name, null);
        column(Messages.Column_version, 150, InstalledFeature::version, null);
        column(Messages.Column_trust, 100, f -> FeaturesModel.trustLabel(f.trust()), f -> Styles.trust(f.trust()));
        column(Messages.Column_root, 50, f -> f.root() ? Messages.Root_yes : "", null);
        column(Messages.Column_provider, 170, InstalledFeature::provider, null);
        column(Messages.Column_id, 250, InstalledFeature::id, null);
    }

    private void column(String title, int width, Function<InstalledFeature, String> text,
                        @Nullable Function<InstalledFeature, @Nullable Color> colour) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((InstalledFeature) element);
            }

            @Override
            public @Nullable Color getForeground(Object element) {
                return colour == null ? null : colour.apply((InstalledFeature) element);
            }

            @Override
            public String getToolTipText(Object element) {
                InstalledFeature f = (InstalledFeature) element;
                return f.name() + " " + f.version() + "\n" + FeaturesModel.trustDescription(f.trust());
            }
        });
    }

    TableViewer viewer() {
        return viewer;
    }

    void setRows(List<InstalledFeature> rows) {
        viewer.setInput(rows);
    }

    /** The id of the selected feature; {@code null} if none. */
    @Nullable String selectedId() {
        if (viewer.getControl().isDisposed()) {
            return null;
        }
        Object o = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        return o instanceof InstalledFeature f ? f.id() : null;
    }
}
