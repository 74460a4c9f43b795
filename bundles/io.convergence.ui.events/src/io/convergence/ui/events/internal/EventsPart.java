package io.convergence.ui.events.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.convergence.api.event.Event;
import io.convergence.api.event.EventBus;
import io.convergence.api.event.Registration;

import io.convergence.ui.workbench.preferences.WorkbenchPreferences;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/** Renders {@link EventsModel}; redraws at the preferences' pace, only when something changed. */
public final class EventsPart {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
        .withZone(ZoneId.systemDefault());

    private final EventsModel model = new EventsModel();
    private @Nullable TableViewer viewer;
    private @Nullable ServiceTracker<EventBus, EventBus> tracker;
    private volatile @Nullable Registration registration;
    private long shownVersion = -1;

    @Inject
    private @Nullable MPart part;

    @PostConstruct
    public void create(Composite parent) {
        GridLayoutFactory.fillDefaults().numColumns(6).margins(4, 4).applyTo(parent);
        new Label(parent, SWT.NONE).setText("Severity at least:");
        Combo severity = new Combo(parent, SWT.READ_ONLY);
        for (Event.Severity s : Event.Severity.values()) {
            severity.add(s.name());
        }
        severity.select(0);
        severity.addListener(SWT.Selection, e -> model.setMinimumSeverity(Event.Severity.valueOf(severity.getText())));
        new Label(parent, SWT.NONE).setText("Source:");
        Text source = new Text(parent, SWT.BORDER | SWT.SEARCH | SWT.ICON_CANCEL);
        source.setMessage("filter by source");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(source);
        source.addModifyListener(e -> model.setSourceFilter(source.getText()));
        Button ack = new Button(parent, SWT.PUSH);
        ack.setText("Acknowledge");
        new Label(parent, SWT.NONE);

        TableViewer v = new TableViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.VIRTUAL);
        viewer = v;
        v.getTable().setHeaderVisible(true);
        v.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().span(6, 1).grab(true, true).applyTo(v.getControl());
        v.setContentProvider(ArrayContentProvider.getInstance());
        column(v, "Time", 165, e -> TIME.format(e.time()));
        column(v, "Severity", 80, e -> e.severity().name());
        column(v, "Kind", 115, e -> e.kind().name());
        column(v, "Source", 180, Event::source);
        column(v, "Message", 600, Event::message);
        ack.addListener(SWT.Selection, e -> {
            List<Event> selected = ((IStructuredSelection) v.getSelection()).toList().stream()
                .map(Event.class::cast).toList();
            model.acknowledge(selected.isEmpty() ? model.visible() : selected);
        });

        // The event bus may come up after the window: listen from whenever it is there.
        var ctx = FrameworkUtil.getBundle(EventsPart.class).getBundleContext();
        ServiceTracker<EventBus, EventBus> t = new ServiceTracker<>(ctx, EventBus.class, null) {
            @Override
            public EventBus addingService(org.osgi.framework.ServiceReference<EventBus> ref) {
                EventBus bus = super.addingService(ref);
                if (bus != null && registration == null) {
                    List<Event> recent = bus.recent(EventsModel.CAPACITY);
                    for (int i = recent.size() - 1; i >= 0; i--) {
                        model.add(recent.get(i));
                    }
                    registration = bus.subscribe(model::add);
                }
                return bus;
            }
        };
        tracker = t;
        t.open();
        parent.getDisplay().timerExec(0, this::refresh);
    }

    private void refresh() {
        TableViewer v = viewer;
        if (v == null || v.getControl().isDisposed()) {
            return;
        }
        long version = model.version();
        if (version != shownVersion) {
            shownVersion = version;
            v.setInput(model.visible());
            if (part != null) {
                long open = model.openErrors();
                part.setLabel(open == 0 ? "Events" : "Events (" + open + ")");
            }
        }
        v.getControl().getDisplay().timerExec(WorkbenchPreferences.refreshMs(), this::refresh);
    }

    private void column(TableViewer v, String title, int width, java.util.function.Function<Event, String> text) {
        TableViewerColumn c = new TableViewerColumn(v, SWT.NONE);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Event) element);
            }

            @Override
            public @Nullable Color getForeground(Object element) {
                Event e = (Event) element;
                return e.severity() == Event.Severity.ERROR ? v.getControl().getDisplay().getSystemColor(SWT.COLOR_RED)
                    : e.severity() == Event.Severity.WARNING ? v.getControl().getDisplay().getSystemColor(SWT.COLOR_DARK_YELLOW)
                    : null;
            }

            @Override
            public @Nullable Font getFont(Object element) {
                return model.isAcknowledged((Event) element) ? null
                    : org.eclipse.jface.resource.JFaceResources.getFontRegistry().getBold(
                        org.eclipse.jface.resource.JFaceResources.DEFAULT_FONT);
            }
        });
    }

    @PreDestroy
    public void dispose() {
        if (registration != null) {
            registration.close();
        }
        if (tracker != null) {
            tracker.close();
        }
    }
}
