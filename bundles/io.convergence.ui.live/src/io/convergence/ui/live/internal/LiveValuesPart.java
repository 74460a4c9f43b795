package io.convergence.ui.live.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.convergence.api.bus.SampleBus;
import io.convergence.api.connector.Connector;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.PointRegistry;
import io.convergence.ui.common.PointPicker;
import io.convergence.ui.common.QualityStyle;
import io.convergence.ui.workbench.points.PointHandoff;

import io.convergence.ui.workbench.preferences.WorkbenchPreferences;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.jspecify.annotations.Nullable;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Renders {@link LiveValuesModel} as a table: redraws at the pace set in the preferences (250 ms by default), only the rows
 * whose text changed. Points come from other views ({@link PointHandoff}), from drops and from the Add dialog, and
 * are kept in the part's persisted state.
 */
public final class LiveValuesPart {

    /** Key of the chosen points in {@link MPart#getPersistedState()}: one path per line. */
    public static final String PERSISTED_POINTS = "io.convergence.ui.live.points";

    private static final Color RED = new Color(QualityStyle.BAD);
    private static final Color ORANGE = new Color(QualityStyle.UNCERTAIN);
    private static final Color GREY = new Color(QualityStyle.STALE);

    private final LiveValuesModel model = new LiveValuesModel(System::currentTimeMillis,
        new ValueFormat(Locale.getDefault(Locale.Category.FORMAT), ZoneId.systemDefault()));
    private final LiveSources sources = new LiveSources(model, this::describedLater);
    private @Nullable TableViewer viewer;
    private @Nullable Label summary;

    @Inject
    @Optional
    private @Nullable MPart part;

    @Inject
    @Optional
    private @Nullable IEventBroker broker;

    private @Nullable AutoCloseable handoff;

    @Inject
    void bus(@Optional @Service @Nullable SampleBus bus) {
        sources.bus(bus);
    }

    @Inject
    void registry(@Optional @Service @Nullable PointRegistry registry) {
        sources.registry(registry);
    }

    @Inject
    void connectors(@Optional @Service @Nullable List<Connector> connectors) {
        sources.connectors(connectors);
    }

    @PostConstruct
    public void create(Composite parent) {
        GridLayoutFactory.fillDefaults().numColumns(3).margins(4, 4).spacing(4, 4).applyTo(parent);
        Button add = new Button(parent, SWT.PUSH);
        add.setText(Messages.Live_add);
        add.setToolTipText(Messages.Live_addTip);
        add.addListener(SWT.Selection, e -> openAddDialog());
        Button remove = new Button(parent, SWT.PUSH);
        remove.setText(Messages.Live_remove);
        remove.setToolTipText(Messages.Live_removeTip);
        remove.addListener(SWT.Selection, e -> remove(selected()));
        Label s = new Label(parent, SWT.NONE);
        summary = s;
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(s);

        TableViewer v = new TableViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        viewer = v;
        Table table = v.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, true).applyTo(table);
        v.setUseHashlookup(true);
        v.setContentProvider(ArrayContentProvider.getInstance());
        remove.setEnabled(false);
        v.addSelectionChangedListener(e -> remove.setEnabled(!e.getSelection().isEmpty()));
        column(v, Messages.Live_point, 330, SWT.LEFT, LiveRow::point);
        column(v, Messages.Live_value, 110, SWT.RIGHT, LiveRow::value);
        column(v, Messages.Live_unit, 80, SWT.LEFT, LiveRow::unit);
        column(v, Messages.Live_quality, 120, SWT.LEFT, LiveRow::quality);
        column(v, Messages.Live_time, 110, SWT.LEFT, LiveRow::time);
        column(v, Messages.Live_age, 70, SWT.RIGHT, LiveRow::age);
        table.addListener(SWT.Paint, this::paintHint);
        table.addListener(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.DEL || e.keyCode == SWT.BS) {
                remove(selected());
            }
        });
        v.addDropSupport(DND.DROP_COPY | DND.DROP_LINK | DND.DROP_MOVE | DND.DROP_DEFAULT,
            new Transfer[] {TextTransfer.getInstance()}, new DropTargetAdapter() {
                @Override
                public void dragEnter(DropTargetEvent e) {
                    if (e.detail == DND.DROP_DEFAULT || e.detail == DND.DROP_MOVE) {
                        e.detail = (e.operations & DND.DROP_COPY) != 0 ? DND.DROP_COPY : DND.DROP_LINK;
                    }
                }

                @Override
                public void drop(DropTargetEvent e) {
                    if (e.data instanceof String text) {
                        add(PointHandoff.fromText(text));
                    }
                }
            });
        MenuManager menu = new MenuManager();
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(m -> {
            List<PointPath> sel = selected();
            m.add(action(Messages.Live_add, true, this::openAddDialog));
            m.add(action(Messages.Live_remove, !sel.isEmpty(), () -> remove(sel)));
            m.add(new Separator());
            m.add(action(Messages.Live_copyPaths, !sel.isEmpty(), () -> copy(sel)));
        });
        table.setMenu(menu.createContextMenu(table));

        if (part != null) {
            addAll(LiveValuesModel.restore(part.getPersistedState().get(PERSISTED_POINTS)));
            if (broker != null) {
                handoff = PointHandoff.receive(broker, part, this::add);
            }
        }
        showPoints();
        parent.getDisplay().timerExec(WorkbenchPreferences.refreshMs(), this::tick);
    }

    /** Adds points handed over by another view (the Plant Explorer for one): one path per element. */
    public void pointsPosted(List<String> paths) {
        add(PointHandoff.fromText(String.join("\n", paths)));
    }

    @Focus
    public void focus() {
        if (viewer != null && !viewer.getControl().isDisposed()) {
            viewer.getControl().setFocus();
        }
    }

    @PreDestroy
    public void dispose() throws Exception {
        sources.close();
        if (handoff != null) {
            handoff.close();
        }
    }

    /** Adds points at the end of the table and selects them; points already shown are only selected. */
    public void add(List<PointPath> points) {
        if (addAll(points) && viewer != null) {
            viewer.setSelection(new StructuredSelection(points), true);
        }
    }

    private boolean addAll(List<PointPath> points) {
        if (points.isEmpty()) {
            return false;
        }
        List<PointInfo> added = new ArrayList<>();
        for (PointPath p : points) {
            PointInfo info = sources.describe(p);
            if (model.add(p, info) && info != null) {
                added.add(info);
            }
        }
        showPoints();
        // After the bus delivers the new points, so that no sample arrives between read and subscribe.
        added.forEach(sources::readFirstValue);
        return true;
    }

    /** Points shown that the registry describes only now: on the registry's thread. */
    private void describedLater(List<PointInfo> infos) {
        TableViewer v = viewer;
        if (v == null || v.getControl().isDisposed()) {
            return;
        }
        v.getControl().getDisplay().asyncExec(() -> {
            if (v.getControl().isDisposed()) {
                return;
            }
            for (PointInfo info : infos) {
                boolean first = model.undescribed().contains(info.path());
                model.describe(info);
                if (first) {
                    sources.readFirstValue(info);
                }
            }
        });
    }

    /** Removes points from the table. */
    public void remove(List<PointPath> points) {
        if (!points.isEmpty()) {
            model.remove(points);
            showPoints();
        }
    }

    /** The viewer; for tests. */
    public @Nullable TableViewer viewer() {
        return viewer;
    }

    private void showPoints() {
        TableViewer v = viewer;
        if (v == null || v.getControl().isDisposed()) {
            return;
        }
        model.refresh();
        sources.show(model.points());
        v.setInput(model.points());
        v.getTable().redraw();
        updateSummary();
        if (part != null) {
            part.getPersistedState().put(PERSISTED_POINTS, LiveValuesModel.persist(model.points()));
        }
    }

    private void tick() {
        TableViewer v = viewer;
        if (v == null || v.getControl().isDisposed()) {
            return;
        }
        List<PointPath> changed = model.refresh();
        if (!changed.isEmpty()) {
            v.update(changed.toArray(), null);
            updateSummary();
        }
        v.getControl().getDisplay().timerExec(WorkbenchPreferences.refreshMs(), this::tick);
    }

    private void updateSummary() {
        if (summary == null || summary.isDisposed()) {
            return;
        }
        Map<LiveRow.Style, Integer> styles = model.styles();
        int n = model.points().size();
        int bad = styles.getOrDefault(LiveRow.Style.BAD, 0);
        int uncertain = styles.getOrDefault(LiveRow.Style.UNCERTAIN, 0);
        int stale = styles.getOrDefault(LiveRow.Style.STALE, 0);
        summary.setText(bad + uncertain + stale == 0 ? NLS.bind(Messages.Live_summary, n)
            : NLS.bind(Messages.Live_summaryProblems, new Object[] {n, bad, uncertain, stale}));
    }

    private void paintHint(Event e) {
        Table table = (Table) e.widget;
        if (table.getItemCount() > 0) {
            return;
        }
        Rectangle area = table.getClientArea();
        int top = table.getHeaderHeight();
        Point size = e.gc.textExtent(Messages.Live_hint);
        e.gc.setForeground(GREY);
        e.gc.drawText(Messages.Live_hint, area.x + Math.max(8, (area.width - size.x) / 2),
            area.y + top + Math.max(8, (area.height - top - size.y) / 3), true);
    }

    private void openAddDialog() {
        if (viewer == null) {
            return;
        }
        PointPicker d = new PointPicker(viewer.getControl().getShell(), Messages.Add_title, Messages.Add_message,
            sources.points(), p -> true);
        if (d.open() == Window.OK) {
            add(d.picked().stream().map(PointInfo::path).toList());
        }
    }

    private List<PointPath> selected() {
        if (viewer == null) {
            return List.of();
        }
        List<PointPath> out = new ArrayList<>();
        for (Object o : ((IStructuredSelection) viewer.getSelection()).toList()) {
            out.add((PointPath) o);
        }
        return out;
    }

    private void copy(List<PointPath> points) {
        if (viewer == null) {
            return;
        }
        Clipboard cb = new Clipboard(viewer.getControl().getDisplay());
        try {
            cb.setContents(new Object[] {PointHandoff.toText(points)}, new Transfer[] {TextTransfer.getInstance()});
        } finally {
            cb.dispose();
        }
    }

    private void column(TableViewer v, String title, int width, int align, Function<LiveRow, String> text) {
        TableViewerColumn c = new TableViewerColumn(v, align);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.getColumn().setMoveable(true);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(model.row((PointPath) element));
            }

            @Override
            public @Nullable Color getForeground(Object element) {
                return switch (model.row((PointPath) element).style()) {
                    case BAD -> RED;
                    case UNCERTAIN -> ORANGE;
                    case STALE, WAITING -> GREY;
                    case GOOD -> null;
                };
            }

            @Override
            public @Nullable Font getFont(Object element) {
                return switch (model.row((PointPath) element).style()) {
                    case BAD -> JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT);
                    case WAITING -> JFaceResources.getFontRegistry().getItalic(JFaceResources.DEFAULT_FONT);
                    default -> null;
                };
            }
        });
    }

    private static Action action(String text, boolean enabled, Runnable run) {
        Action a = new Action(text) {
            @Override
            public void run() {
                run.run();
            }
        };
        a.setEnabled(enabled);
        return a;
    }
}
