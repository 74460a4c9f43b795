package io.convergence.ui.events.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.convergence.api.event.Event;
import io.convergence.api.event.EventBus;
import io.convergence.ui.common.QualityStyle;
import io.convergence.ui.common.ServiceBinding;

import io.convergence.ui.workbench.preferences.WorkbenchPreferences;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
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

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/** Renders {@link EventsModel}; redraws at the preferences' pace, only when something changed. */
public final class EventsPart {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
        .withZone(ZoneId.systemDefault());

    // The colours of bad and uncertain values, as every view shows them.
    private static final Color ERROR = new Color(QualityStyle.BAD);
    private static final Color WARNING = new Color(QualityStyle.UNCERTAIN);

    private final EventsModel model = new EventsModel();
    /** While there is an event bus: the recent events shown, and every new one as it comes. */
    private final ServiceBinding<EventBus> events = new ServiceBinding<>(bus -> {
        List<Event> recent = bus.recent(EventsModel.CAPACITY);
        for (int i = recent.size() - 1; i >= 0; i--) {
            model.add(recent.get(i));
        }
        return bus.subscribe(model::add);
    });
    private @Nullable TableViewer viewer;
    private long shownVersion = -1;

    @Inject
    private @Nullable MPart part;

    /** The event bus may come up after the window, go and come back: injected whenever it changes. */
    @Inject
    void events(@Optional @Service @Nullable EventBus bus) {
        events.set(bus);
    }

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
        column(v, "Type", 115, Event::type);
        column(v, "Source", 180, Event::source);
        column(v, "Message", 600, Event::message);
        ack.addListener(SWT.Selection, e -> {
            List<Event> selected = ((IStructuredSelection) v.getSelection()).toList().stream()
                .map(Event.class::cast).toList();
            model.acknowledge(selected.isEmpty() ? model.visible() : selected);
        });

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
                return e.severity() == Event.Severity.ERROR ? ERROR
                    : e.severity() == Event.Severity.WARNING ? WARNING
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
        events.close();
    }
}
