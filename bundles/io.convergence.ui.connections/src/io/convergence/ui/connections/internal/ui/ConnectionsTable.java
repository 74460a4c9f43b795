package io.convergence.ui.connections.internal.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import io.convergence.ui.connections.internal.ConnectionRow;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.IElementComparer;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.jspecify.annotations.Nullable;

/** The list of connections: state (marker and colour), id, type, endpoint, since when, detail. */
final class ConnectionsTable {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final TableViewer viewer;
    private final StateStyle style;

    ConnectionsTable(Composite parent, StateStyle style) {
        this.style = style;
        viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        // Rows are values that change with the state; keep the selection by connector id.
        viewer.setComparer(new IElementComparer() {
            @Override
            public boolean equals(Object a, Object b) {
                return a instanceof ConnectionRow ra && b instanceof ConnectionRow rb ? ra.id().equals(rb.id()) : a.equals(b);
            }

            @Override
            public int hashCode(Object element) {
                return element instanceof ConnectionRow r ? r.id().hashCode() : element.hashCode();
            }
        });
        ColumnViewerToolTipSupport.enableFor(viewer);
        stateColumn();
        column("Id", 150, ConnectionRow::id);
        column("Type", 80, ConnectionRow::type);
        column("Endpoint", 300, ConnectionRow::endpoint);
        column("Since", 80, r -> TIME.format(r.since()));
        column("Detail", 700, ConnectionRow::detail);
    }

    TableViewer viewer() {
        return viewer;
    }

    void setRows(List<ConnectionRow> rows) {
        viewer.setInput(rows);
    }

    /** The id of the selected row; {@code null} if none. */
    @Nullable String selectedId() {
        if (viewer.getControl().isDisposed()) {
            return null;
        }
        Object o = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        return o instanceof ConnectionRow r ? r.id() : null;
    }

    void select(ConnectionRow row) {
        viewer.setSelection(new StructuredSelection(row), true);
    }

    private void stateColumn() {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.NONE);
        c.getColumn().setText("State");
        c.getColumn().setWidth(130);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return StateStyle.label(((ConnectionRow) element).status());
            }

            @Override
            public Image getImage(Object element) {
                return style.dot(((ConnectionRow) element).status());
            }

            @Override
            public Color getForeground(Object element) {
                return style.color(((ConnectionRow) element).status());
            }

            @Override
            public String getToolTipText(Object element) {
                return ((ConnectionRow) element).detail();
            }
        });
    }

    private void column(String title, int width, Function<ConnectionRow, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.NONE);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((ConnectionRow) element);
            }

            @Override
            public String getToolTipText(Object element) {
                return ((ConnectionRow) element).detail();
            }
        });
    }
}
