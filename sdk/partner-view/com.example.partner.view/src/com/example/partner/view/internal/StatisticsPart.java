package com.example.partner.view.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;

import io.convergence.api.bus.Delivery;
import io.convergence.api.bus.SampleBus;
import io.convergence.api.point.PointFilter;
import io.convergence.api.point.PointPath;
import io.convergence.ui.common.MessagePane;
import io.convergence.ui.common.QualityStyle;
import io.convergence.ui.common.ServiceBinding;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.jspecify.annotations.Nullable;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The Window Statistics view: a table of the example model's figures, one row per window, newest
 * first, updated live. The workbench creates it by injection when the view opens and calls
 * {@link #dispose()} when it closes, also when this bundle is uninstalled or updated.
 */
public final class StatisticsPart {

    /** Where the example model publishes by default (its setting "Output path"). */
    static final PointPath SOURCE = PointPath.parse("partner/example/statistics");
    /** How often the view looks for new figures; the model publishes once a window. */
    private static final int REFRESH_MS = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
        .withZone(ZoneId.systemDefault());

    private final StatisticsTable table = new StatisticsTable(SOURCE);
    /** While there is a sample bus: a subscription to the figures under SOURCE, and to nothing else. */
    private final ServiceBinding<SampleBus> bus = new ServiceBinding<>(
        b -> b.subscribe("example-statistics-view", Delivery.MAY_SKIP, PointFilter.prefixes(SOURCE), table::add));
    private @Nullable MessagePane pane;
    private @Nullable TableViewer viewer;
    private long shownVersion = -1;

    /** The bus may come after the window, go and come back: injected again, on any thread, at each change. */
    @Inject
    void bus(@Optional @Service @Nullable SampleBus b) {
        bus.set(b);
    }

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new FillLayout());
        MessagePane p = new MessagePane(parent);
        pane = p;
        Composite content = p.content();
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(content);
        new Label(content, SWT.NONE).setText("Statistics under " + SOURCE + ", newest window first");
        TableViewer v = new TableViewer(content, SWT.FULL_SELECTION | SWT.BORDER);
        viewer = v;
        v.getTable().setHeaderVisible(true);
        v.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(v.getControl());
        v.setContentProvider(ArrayContentProvider.getInstance());
        column(v, "Window start", 170, SWT.LEFT, r -> TIME.format(r.start()));
        String[] titles = {"Mean", "Minimum", "Maximum", "Std. deviation", "Count"};
        for (int i = 0; i < titles.length; i++) {
            int figure = i;
            boolean count = StatisticsTable.FIGURES.get(i).equals("count");
            column(v, titles[i], 110, SWT.RIGHT, r -> format(r.figures()[figure], count));
        }
        parent.getDisplay().timerExec(0, this::refresh);
    }

    /** On the UI thread, at the view's pace: redraws only when figures arrived. */
    private void refresh() {
        MessagePane p = pane;
        TableViewer v = viewer;
        if (p == null || v == null || v.getControl().isDisposed()) {
            return;
        }
        if (bus.get() == null) {
            p.showMessage("No sample bus", "The runtime's sample bus is not running, so no statistics can arrive.");
        } else if (table.isEmpty()) {
            p.showMessage("Waiting for the first window",
                "The Example Partner statistics model publishes under " + SOURCE + " when a window closes (every 10 s"
                    + " as installed). Install it (com.example.partner.model.feature) if it is not, and the connector"
                    + " whose temperature it takes by default (com.example.partner.connector.feature).");
        } else {
            p.showContent();
            long version = table.version();
            if (version != shownVersion) {
                shownVersion = version;
                v.setInput(table.rows());
            }
        }
        v.getControl().getDisplay().timerExec(REFRESH_MS, this::refresh);
    }

    private static String format(double value, boolean count) {
        if (Double.isNaN(value)) {
            return "";
        }
        return count ? String.format(Locale.ROOT, "%,d", (long) value) : String.format(Locale.ROOT, "%.3f", value);
    }

    private static void column(TableViewer v, String title, int width, int align, Function<StatisticsTable.Row, String> text) {
        TableViewerColumn c = new TableViewerColumn(v, align);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((StatisticsTable.Row) element);
            }

            /** Figures of a window with doubtful or bad samples in the colours every view uses. */
            @Override
            public @Nullable Color getForeground(Object element) {
                RGB rgb = QualityStyle.rgb(((StatisticsTable.Row) element).quality());
                return rgb == null ? null : new Color(rgb);
            }
        });
    }

    @PreDestroy
    public void dispose() {
        bus.close();
    }
}
