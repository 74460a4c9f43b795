package io.convergence.ui.downtime.internal;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import io.convergence.api.oee.Stop;
import io.convergence.ui.common.QualityStyle;
import io.convergence.ui.downtime.internal.model.DowntimePage;
import io.convergence.ui.downtime.internal.model.Messages;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.jspecify.annotations.Nullable;

/** The list of stops, newest first; planned stops in grey. Keeps the selected stop across refreshes. */
final class StopTable {

    private static final Color GREY = new Color(QualityStyle.STALE);

    private final TableViewer viewer;
    private List<DowntimePage.Row> rows = List.of();

    StopTable(Composite parent, Runnable onOpen) {
        viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        Table t = viewer.getTable();
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column(Messages.Downtime_start, 120, SWT.LEFT, DowntimePage.Row::start);
        column(Messages.Downtime_end, 120, SWT.LEFT, DowntimePage.Row::end);
        column(Messages.Downtime_duration, 110, SWT.RIGHT, DowntimePage.Row::duration);
        column(Messages.Downtime_reasonColumn, 260, SWT.LEFT, DowntimePage.Row::reason);
        column(Messages.Downtime_category, 100, SWT.LEFT, DowntimePage.Row::category);
        column(Messages.Downtime_note, 160, SWT.LEFT, DowntimePage.Row::note);
        viewer.addDoubleClickListener(e -> onOpen.run());
    }

    Table control() {
        return viewer.getTable();
    }

    void onSelection(Consumer<@Nullable Stop> listener) {
        viewer.addSelectionChangedListener(e -> listener.accept(selected()));
    }

    void show(List<DowntimePage.Row> next) {
        if (next.equals(rows)) {
            return;
        }
        Stop keep = selected();
        rows = next;
        viewer.setInput(next);
        if (keep != null) {
            next.stream().filter(r -> r.stop().start().equals(keep.start())).findFirst()
                .ifPresent(r -> viewer.setSelection(new StructuredSelection(r)));
        }
    }

    @Nullable Stop selected() {
        Object o = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        return o instanceof DowntimePage.Row r ? r.stop() : null;
    }

    List<DowntimePage.Row> rows() {
        return rows;
    }

    private void column(String title, int width, int align, Function<DowntimePage.Row, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, align);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((DowntimePage.Row) element);
            }

            @Override
            public @Nullable Color getForeground(Object element) {
                return ((DowntimePage.Row) element).stop().planned() ? GREY : null;
            }
        });
    }
}
