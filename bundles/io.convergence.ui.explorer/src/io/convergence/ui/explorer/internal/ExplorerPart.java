package io.convergence.ui.explorer.internal;

import java.util.List;

import io.convergence.api.connector.Connector;
import io.convergence.api.event.EventBus;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.PointRegistry;
import io.convergence.ui.workbench.points.PointHandoff;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.AbstractTreeViewer;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.DoubleClickEvent;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSourceAdapter;
import org.eclipse.swt.dnd.DragSourceEvent;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.jspecify.annotations.Nullable;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Renders the plant tree of an {@link ExplorerModel} and the {@link Connections}; filters as the user
 * types; hands selected points to other views by drag and drop, context menu and double-click.
 */
public final class ExplorerPart {

    private static final int FILTER_DELAY_MS = 150;

    private final Connections connections = new Connections();
    private final PlantWatcher watcher = new PlantWatcher(connections, this::pointsChanged, this::connectionsChanged);
    private ExplorerModel model = ExplorerModel.empty();
    private @Nullable TreeViewer viewer;
    private @Nullable ExplorerContent content;
    private @Nullable Text filter;
    private @Nullable Label status;
    private @Nullable PointSender sender;
    private final Runnable applyFilter = () -> show(true);

    @Inject
    @Optional
    private @Nullable MApplication application;

    @Inject
    @Optional
    private @Nullable EPartService parts;

    @Inject
    @Optional
    private @Nullable IEventBroker broker;

    @Inject
    void registry(@Optional @Service @Nullable PointRegistry registry) {
        watcher.registry(registry);
    }

    @Inject
    void events(@Optional @Service @Nullable EventBus events) {
        watcher.events(events);
    }

    @Inject
    void connectors(@Optional @Service @Nullable List<Connector> connectors) {
        watcher.connectors(connectors);
    }

    @PostConstruct
    public void create(Composite parent) {
        sender = new PointSender(application, parts, broker);
        GridLayoutFactory.fillDefaults().margins(4, 4).spacing(4, 4).applyTo(parent);
        Text f = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filter = f;
        f.setMessage(Messages.Explorer_filterHint);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(f);
        f.addModifyListener(e -> {
            f.getDisplay().timerExec(-1, applyFilter);
            f.getDisplay().timerExec(FILTER_DELAY_MS, applyFilter);
        });

        TreeViewer v = new TreeViewer(parent, SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        viewer = v;
        v.setUseHashlookup(true);
        BrowseLoader loader = new BrowseLoader(parent.getDisplay(), this::refresh);
        ExplorerContent c = new ExplorerContent(model.view(Messages.Explorer_plant, "").root(), connections, loader);
        content = c;
        v.setContentProvider(c);
        v.setLabelProvider(new ExplorerLabels(v.getControl()));
        ColumnViewerToolTipSupport.enableFor(v);
        // The input stands for the whole tree; the two roots are elements below it.
        v.setInput(this);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(v.getControl());
        v.addDoubleClickListener(this::doubleClicked);
        v.addDragSupport(DND.DROP_COPY | DND.DROP_LINK, new Transfer[] {TextTransfer.getInstance()}, new DragSourceAdapter() {
            @Override
            public void dragStart(DragSourceEvent e) {
                e.doit = !selectedPoints().isEmpty();
            }

            @Override
            public void dragSetData(DragSourceEvent e) {
                e.data = PointHandoff.toText(selectedPoints());
            }
        });
        MenuManager menu = new MenuManager();
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(this::fillMenu);
        v.getControl().setMenu(menu.createContextMenu(v.getControl()));

        Label s = new Label(parent, SWT.NONE);
        status = s;
        GridDataFactory.fillDefaults().grab(true, false).applyTo(s);
        show(true);

        watcher.start(parent.getDisplay());
    }

    @Focus
    public void focus() {
        if (viewer != null && !viewer.getControl().isDisposed()) {
            viewer.getControl().setFocus();
        }
    }

    @PreDestroy
    public void dispose() {
        watcher.stop();
    }

    /** The viewer; for tests. */
    public @Nullable TreeViewer viewer() {
        return viewer;
    }

    private void pointsChanged(ExplorerModel m) {
        boolean first = model.size() == 0 && m.size() > 0;
        model = m;
        show(first);
    }

    private void connectionsChanged() {
        TreeViewer v = viewer;
        if (v == null || v.getControl().isDisposed()) {
            return;
        }
        boolean first = !v.getExpandedState(connections) && !connections.nodes().isEmpty();
        v.refresh(connections);
        if (first) {
            v.setExpandedState(connections, true);
        }

    }

    /** Shows the model through the filter; {@code expand} applies the expansion the model suggests. */
    private void show(boolean expand) {
        TreeViewer v = viewer;
        ExplorerContent c = content;
        if (v == null || c == null || v.getControl().isDisposed() || filter == null) {
            return;
        }
        ExplorerModel.View view = model.view(Messages.Explorer_plant, filter.getText());
        v.getControl().setRedraw(false);
        try {
            c.plant(view.root());
            v.refresh();
            if (expand) {
                v.collapseToLevel(view.root(), AbstractTreeViewer.ALL_LEVELS);
                for (PlantFolder f : view.expanded()) {
                    v.setExpandedState(f, true);
                }
            }
        } finally {
            v.getControl().setRedraw(true);
        }
        if (status != null) {
            status.setText(model.size() == 0 ? Messages.Explorer_statusNone
                : view.filtered() ? NLS.bind(Messages.Explorer_statusFiltered, view.matches(), model.size())
                : NLS.bind(Messages.Explorer_statusAll, model.size()));
        }
    }

    private void refresh(Object element) {
        if (viewer != null && !viewer.getControl().isDisposed()) {
            viewer.refresh(element);
        }
    }

    private List<?> selection() {
        return viewer == null ? List.of() : ((IStructuredSelection) viewer.getSelection()).toList();
    }

    private List<PointPath> selectedPoints() {
        return ExplorerModel.pointsOf(selection());
    }

    private void doubleClicked(DoubleClickEvent e) {
        Object first = ((IStructuredSelection) e.getSelection()).getFirstElement();
        TreeViewer v = viewer;
        if (first == null || v == null || sender == null) {
            return;
        }
        List<PointPath> points = ExplorerModel.pointsOf(List.of(first));
        MPartDescriptor to = sender.primary();
        if (first instanceof PointInfo || first instanceof BrowseItem b && b.node().point() != null) {
            if (to != null) {
                sender.send(to, points);
            }
        } else if (v.isExpandable(first)) {
            v.setExpandedState(first, !v.getExpandedState(first));
        }
    }

    private void fillMenu(IMenuManager m) {
        PointSender s = sender;
        if (s == null) {
            return;
        }
        List<PointPath> points = selectedPoints();
        // One entry per view that takes points, whichever are installed (ours or a partner's).
        for (MPartDescriptor view : s.receivers()) {
            m.add(action(NLS.bind(Messages.Explorer_addTo, view.getLocalizedLabel()), !points.isEmpty(),
                () -> s.send(view, points)));
        }
        m.add(new Separator());
        m.add(action(Messages.Explorer_copyPaths, !points.isEmpty(), () -> copy(points)));
        List<?> browsed = selection().stream()
            .filter(o -> o instanceof Connections || o instanceof ConnectionNode || o instanceof BrowseItem b && b.children() != null)
            .toList();
        m.add(action(Messages.Explorer_refresh, !browsed.isEmpty(), () -> browsed.forEach(this::browseAgain)));
    }

    private void browseAgain(Object o) {
        switch (o) {
            case Connections c -> c.nodes().forEach(n -> n.children().reset());
            case ConnectionNode n -> n.children().reset();
            case BrowseItem b when b.children() != null -> b.children().reset();
            default -> {
                return;
            }
        }
        refresh(o);
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
