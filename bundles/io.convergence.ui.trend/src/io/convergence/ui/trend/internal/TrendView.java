package io.convergence.ui.trend.internal;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import io.convergence.api.point.PointInfo;
import io.convergence.ui.common.PointPicker;
import io.convergence.api.point.PointPath;
import io.convergence.ui.trend.internal.data.Services;
import io.convergence.ui.trend.internal.data.TrendController;
import io.convergence.ui.trend.internal.model.Messages;
import io.convergence.ui.trend.internal.model.Pen;
import io.convergence.ui.trend.internal.model.RangePreset;
import io.convergence.ui.trend.internal.model.TimeFormats;
import io.convergence.ui.trend.internal.model.TimeWindow;
import io.convergence.ui.trend.internal.model.TrendState;
import io.convergence.ui.workbench.points.PointHandoff;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;

/**
 * The Trend view's widgets: a toolbar (range picker, live, fit, add and remove pens, export), the
 * chart with its time axis, and a status line. Renders the controller's frames, at most five times
 * a second and only when something changed; turns user actions into model and controller calls.
 */
final class TrendView {

    private static final int REFRESH_MS = 200;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final TrendController controller;
    private final Services services;
    private final TrendPersistence persistence;
    private final Composite body;
    private final TrendChart chart;
    private final TimeAxis timeAxis;
    private final Combo range;
    private final Label window;
    private final Label status;
    private final ToolItem live;
    private final ToolItem remove;
    private long shownVersion = -1;
    private int shownWidth = -1;

    /** Something that keeps the trend's state between sessions. */
    interface TrendPersistence {
        void save(Map<String, String> state);
    }

    TrendView(Composite parent, TrendController controller, Services services, TrendPersistence persistence) {
        this.controller = controller;
        this.services = services;
        this.persistence = persistence;
        GridLayoutFactory.fillDefaults().spacing(0, 0).applyTo(parent);

        Composite top = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(top);
        GridLayoutFactory.fillDefaults().numColumns(3).margins(4, 2).applyTo(top);
        range = new Combo(top, SWT.READ_ONLY);
        range.setToolTipText(Messages.rangeTip);
        for (RangePreset p : RangePreset.values()) {
            range.add(presetLabel(p));
        }
        range.add(Messages.rangeCustom);
        range.addListener(SWT.Selection, e -> pickRange());
        ToolBar bar = new ToolBar(top, SWT.FLAT | SWT.RIGHT);
        live = item(bar, SWT.CHECK, Messages.live, Messages.liveTip, () -> { });
        live.addListener(SWT.Selection, e -> {
            controller.model().setFollow(live.getSelection(), controller.now());
            changed();
        });
        item(bar, SWT.PUSH, Messages.fit, Messages.fitTip, () -> {
            controller.fit();
            changed();
        });
        new ToolItem(bar, SWT.SEPARATOR);
        item(bar, SWT.PUSH, Messages.addPoint, Messages.addPointTip, this::openAddPoint);
        remove = item(bar, SWT.DROP_DOWN, Messages.removePen, Messages.removePenTip, () -> { });
        remove.addListener(SWT.Selection, e -> showRemoveMenu(bar, e.x, e.y + bar.getSize().y));
        new ToolItem(bar, SWT.SEPARATOR);
        item(bar, SWT.PUSH, Messages.exportCsv, Messages.exportCsvTip, this::exportCsv);
        item(bar, SWT.PUSH, Messages.savePng, Messages.savePngTip, this::savePng);
        window = new Label(top, SWT.RIGHT);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.END, SWT.CENTER).applyTo(window);

        body = new Composite(parent, SWT.NONE);
        body.setBackground(body.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        GridLayoutFactory.fillDefaults().spacing(0, 0).margins(0, 4).applyTo(body);
        chart = new TrendChart(body);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(chart.chart());
        timeAxis = new TimeAxis(body, chart);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(timeAxis);
        chart.chart().addListener(SWT.Resize, e -> render());
        chart.plot().addListener(SWT.Resize, e -> render());

        status = new Label(parent, SWT.NONE);
        status.setToolTipText(Messages.helpTip);
        window.setToolTipText(Messages.helpTip);
        status.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        GridDataFactory.fillDefaults().grab(true, false).indent(6, 2).applyTo(status);

        new ChartInput(chart, controller, this::render).install();
        contextMenu();
        dropTarget(chart.plot());
        dropTarget(chart.chart());
        parent.getDisplay().timerExec(0, this::tick);
    }

    TrendChart chart() {
        return chart;
    }

    /** The widgets a screenshot shows: the chart and its time axis. */
    Composite body() {
        return body;
    }

    String status() {
        return status.getText();
    }

    void setFocus() {
        chart.plot().forceFocus();
    }

    /** Adds points by path; units and descriptions come from the point registry. */
    void addPaths(List<PointPath> paths) {
        for (PointPath p : paths) {
            PointInfo info = services.find(p);
            if (info != null && !info.type().isNumeric()) {
                controller.setStatus(NLS.bind(Messages.statusNotNumeric, p));
                continue;
            }
            controller.addPen(p, info == null ? "" : info.unit(), info == null ? "" : info.description());
        }
        changed();
    }

    /** Shows a fixed time window (no longer following live values). */
    void showWindow(TimeWindow w) {
        controller.model().show(w);
        shownVersion = -1;
        changed();
    }

    /** Adds a pen with a unit known from elsewhere (saved state), preferring the registry's. */
    void addSaved(TrendState.SavedPen saved) {
        PointInfo info = services.find(saved.path());
        controller.addPen(saved.path(), info == null ? saved.unit() : info.unit(), info == null ? "" : info.description());
    }

    /** Redraws now if anything changed. */
    void render() {
        if (body.isDisposed()) {
            return;
        }
        int width = chart.plotSize().x;
        if (width > 0 && width != shownWidth) {
            controller.setColumns(width);
            controller.update();
        }
        long version = controller.version();
        if (version == shownVersion && width == shownWidth) {
            return;
        }
        shownVersion = version;
        shownWidth = width;
        chart.show(controller.frame());
        timeAxis.redraw();
        RangePreset p = controller.model().preset();
        range.select(p == null ? RangePreset.values().length : p.ordinal());
        live.setSelection(controller.model().follow());
        window.setText(TimeFormats.window(controller.model().window(), ZoneId.systemDefault()));
        window.getParent().layout(new Control[] {window});
        status.setText(controller.status());
        persistence.save(TrendState.save(controller.model()));
    }

    private void tick() {
        if (body.isDisposed()) {
            return;
        }
        controller.update();
        render();
        body.getDisplay().timerExec(REFRESH_MS, this::tick);
    }

    private void changed() {
        controller.update();
        render();
    }

    private void pickRange() {
        int i = range.getSelectionIndex();
        if (i >= 0 && i < RangePreset.values().length) {
            controller.model().showLast(RangePreset.values()[i], controller.now());
        } else {
            CustomRangeDialog d = new CustomRangeDialog(body.getShell(), controller.model().window());
            TimeWindow w = d.open() == Window.OK ? d.result() : null;
            if (w != null) {
                controller.model().show(w);
            }
            shownVersion = -1;
        }
        changed();
    }

    private void openAddPoint() {
        // Trends draw numbers: text points are not offered.
        PointPicker d = new PointPicker(body.getShell(), Messages.addPointTitle, Messages.addPointMessage,
            services.registryPoints(), p -> p.type().isNumeric());
        Job.create("Listing historian points", m -> {
            try {
                List<PointInfo> more = services.historianPoints();
                body.getDisplay().asyncExec(() -> d.addPoints(more));
                return Status.OK_STATUS;
            } catch (Exception e) {
                return Status.warning(e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }).schedule();
        if (d.open() == Window.OK) {
            addPaths(d.picked().stream().map(PointInfo::path).toList());
        }
    }

    private void showRemoveMenu(Control owner, int x, int y) {
        Menu m = new Menu(owner);
        fillRemoveMenu(m);
        m.setLocation(owner.toDisplay(x, y));
        m.setVisible(true);
    }

    private void fillRemoveMenu(Menu m) {
        List<Pen> pens = controller.model().pens();
        if (pens.isEmpty()) {
            MenuItem none = new MenuItem(m, SWT.PUSH);
            none.setText(Messages.noPens);
            none.setEnabled(false);
        }
        for (Pen p : pens) {
            MenuItem mi = new MenuItem(m, SWT.PUSH);
            mi.setText(p.path().toString().replace("&", "&&"));
            mi.addListener(SWT.Selection, e -> {
                controller.removePen(p.path());
                changed();
            });
        }
    }

    private void contextMenu() {
        Control plot = chart.plot();
        Menu menu = new Menu(plot);
        plot.setMenu(menu);
        menu.addListener(SWT.Show, e -> {
            for (MenuItem mi : menu.getItems()) {
                mi.dispose();
            }
            menuItem(menu, Messages.addPoint, this::openAddPoint);
            MenuItem rm = new MenuItem(menu, SWT.CASCADE);
            rm.setText(Messages.removePen);
            Menu sub = new Menu(rm);
            rm.setMenu(sub);
            fillRemoveMenu(sub);
            new MenuItem(menu, SWT.SEPARATOR);
            MenuItem follow = new MenuItem(menu, SWT.CHECK);
            follow.setText(Messages.live);
            follow.setSelection(controller.model().follow());
            follow.addListener(SWT.Selection, ev -> {
                controller.model().setFollow(follow.getSelection(), controller.now());
                changed();
            });
            menuItem(menu, Messages.fit, () -> {
                controller.fit();
                changed();
            });
            new MenuItem(menu, SWT.SEPARATOR);
            menuItem(menu, Messages.exportCsv, this::exportCsv);
            menuItem(menu, Messages.savePng, this::savePng);
        });
    }

    private void dropTarget(Control c) {
        DropTarget t = new DropTarget(c, DND.DROP_COPY | DND.DROP_MOVE | DND.DROP_LINK | DND.DROP_DEFAULT);
        t.setTransfer(new Transfer[] {TextTransfer.getInstance()});
        t.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent e) {
                if (e.detail == DND.DROP_DEFAULT || e.detail == DND.DROP_MOVE) {
                    e.detail = DND.DROP_COPY;
                }
            }

            @Override
            public void drop(DropTargetEvent e) {
                if (e.data instanceof String text) {
                    addPaths(PointHandoff.fromText(text));
                }
            }
        });
    }

    private void exportCsv() {
        Path file = askFile("*.csv", "trend-" + FILE_TIME.format(LocalDateTime.now()) + ".csv");
        if (file != null) {
            controller.exportCsv(file);
        }
    }

    private void savePng() {
        Path file = askFile("*.png", "trend-" + FILE_TIME.format(LocalDateTime.now()) + ".png");
        if (file == null) {
            return;
        }
        body.getShell().update();
        try {
            ImageExport.savePng(body, file);
            controller.setStatus(NLS.bind(Messages.statusSavedPng, file));
        } catch (RuntimeException e) {
            controller.setStatus(NLS.bind(Messages.statusPngFailed, e.getMessage()));
        }
    }

    private @org.jspecify.annotations.Nullable Path askFile(String extension, String name) {
        FileDialog d = new FileDialog(body.getShell(), SWT.SAVE);
        d.setFilterExtensions(new String[] {extension});
        d.setFileName(name);
        d.setOverwrite(true);
        String f = d.open();
        return f == null ? null : Path.of(f);
    }

    private static ToolItem item(ToolBar bar, int style, String text, String tip, Runnable action) {
        ToolItem i = new ToolItem(bar, style);
        i.setText(text);
        i.setToolTipText(tip);
        if (style != SWT.DROP_DOWN) {
            i.addListener(SWT.Selection, e -> action.run());
        }
        return i;
    }

    private static void menuItem(Menu menu, String text, Runnable action) {
        MenuItem mi = new MenuItem(menu, SWT.PUSH);
        mi.setText(text);
        mi.addListener(SWT.Selection, e -> action.run());
    }

    static String presetLabel(RangePreset p) {
        return switch (p) {
            case LAST_5_MIN -> Messages.range_LAST_5_MIN;
            case LAST_15_MIN -> Messages.range_LAST_15_MIN;
            case LAST_1_H -> Messages.range_LAST_1_H;
            case LAST_8_H -> Messages.range_LAST_8_H;
            case LAST_24_H -> Messages.range_LAST_24_H;
            case LAST_7_D -> Messages.range_LAST_7_D;
        };
    }
}
