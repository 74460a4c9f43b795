package io.convergence.ui.orders.internal;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import io.convergence.ui.common.QualityStyle;
import io.convergence.ui.orders.internal.model.Messages;
import io.convergence.ui.orders.internal.model.OrderRow;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.jspecify.annotations.Nullable;

/**
 * The orders, one per row; the progress column draws a bar under its text, a late order's
 * forecast is written in red and bold (and says "late" in words), the running order in bold.
 */
final class OrderTable {

    private static final int PROGRESS_COLUMN = 3;
    private static final Color BAR = new Color(0xc8, 0xdc, 0xf0);
    private static final Color BAR_DONE = new Color(0xc8, 0xe6, 0xc9);
    private static final Color LATE = new Color(QualityStyle.BAD);
    private static final Color GREY = new Color(QualityStyle.STALE);

    private final TableViewer viewer;
    private List<OrderRow> rows = List.of();

    OrderTable(Composite parent, Consumer<OrderRow> open) {
        viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        Table t = viewer.getTable();
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column(Messages.Orders_order, 90, SWT.LEFT, OrderRow::order, null);
        column(Messages.Orders_product, 240, SWT.LEFT, OrderRow::product, null);
        column(Messages.Orders_state, 85, SWT.LEFT, OrderRow::state, null);
        column(Messages.Orders_progressColumn, 130, SWT.RIGHT, OrderRow::progressText, null);
        column(Messages.Orders_oee, 70, SWT.RIGHT, OrderRow::oee, null);
        column(Messages.Orders_scrap, 90, SWT.RIGHT, OrderRow::scrap, null);
        column(Messages.Orders_due, 125, SWT.LEFT, OrderRow::due, null);
        column(Messages.Orders_forecast, 125, SWT.LEFT, OrderRow::forecast, null);
        column(Messages.Orders_lateness, 160, SWT.LEFT, OrderRow::lateness, r -> r.late() ? LATE : null);
        t.addListener(SWT.EraseItem, this::progressBar);
        viewer.addDoubleClickListener(e -> {
            OrderRow r = selected();
            if (r != null) {
                open.accept(r);
            }
        });
    }

    Table control() {
        return viewer.getTable();
    }

    void onSelection(Consumer<@Nullable OrderRow> listener) {
        viewer.addSelectionChangedListener(e -> listener.accept(selected()));
    }

    void show(List<OrderRow> next) {
        if (next.equals(rows)) {
            return;
        }
        OrderRow keep = selected();
        rows = next;
        viewer.setInput(next);
        if (keep != null) {
            next.stream().filter(r -> r.order().id().equals(keep.order().id())).findFirst()
                .ifPresent(r -> viewer.setSelection(new StructuredSelection(r)));
        }
    }

    void select(String orderId) {
        rows.stream().filter(r -> r.order().id().equals(orderId)).findFirst()
            .ifPresent(r -> viewer.setSelection(new StructuredSelection(r), true));
    }

    @Nullable OrderRow selected() {
        Object o = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        return o instanceof OrderRow r ? r : null;
    }

    List<OrderRow> rows() {
        return rows;
    }

    /** Fills the progress cell's background up to the order's progress, under its text. */
    private void progressBar(Event e) {
        if (e.index != PROGRESS_COLUMN || !(e.item instanceof TableItem item) || !(item.getData() instanceof OrderRow r)
            || Double.isNaN(r.progress()) || (e.detail & SWT.SELECTED) != 0) {
            return;
        }
        int width = (int) Math.round(item.getBounds(PROGRESS_COLUMN).width * r.progress());
        Color old = e.gc.getBackground();
        e.gc.setBackground(r.progress() >= 1 ? BAR_DONE : BAR);
        e.gc.fillRectangle(e.x, e.y + 1, width, e.height - 2);
        e.gc.setBackground(old);
        e.detail &= ~SWT.BACKGROUND;
    }

    private void column(String title, int width, int align, Function<OrderRow, Object> text,
                        @Nullable Function<OrderRow, @Nullable Color> colour) {
        TableViewerColumn c = new TableViewerColumn(viewer, align);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                Object v = text.apply((OrderRow) element);
                return v instanceof io.convergence.api.business.ProductionOrder o ? o.id() : String.valueOf(v);
            }

            @Override
            public @Nullable Color getForeground(Object element) {
                OrderRow r = (OrderRow) element;
                if (colour != null && colour.apply(r) != null) {
                    return colour.apply(r);
                }
                return r.order().state() == io.convergence.api.business.ProductionOrder.State.CANCELLED ? GREY : null;
            }

            @Override
            public @Nullable Font getFont(Object element) {
                OrderRow r = (OrderRow) element;
                boolean bold = r.order().state() == io.convergence.api.business.ProductionOrder.State.RUNNING
                    || (colour != null && r.late());
                return bold ? JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT) : null;
            }
        });
    }
}
