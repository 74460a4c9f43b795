package io.convergence.ui.events.internal;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.convergence.api.event.Event;

/**
 * What the Events view shows, without any SWT: the events received, newest first, at most
 * {@link #CAPACITY}; a filter by lowest severity and by source text; which ones were
 * acknowledged. Thread-safe: events arrive on the event bus thread, the view reads on the UI thread.
 */
public final class EventsModel {

    /** Events kept; older ones fall off the end. */
    public static final int CAPACITY = 5_000;

    private final ArrayDeque<Event> events = new ArrayDeque<>();
    private final Set<Event> acknowledged = Collections.newSetFromMap(new IdentityHashMap<>());
    private Event.Severity minimum = Event.Severity.INFO;
    private String sourceFilter = "";
    private long version;

    /** Adds an event at the top. */
    public synchronized void add(Event e) {
        if (events.size() == CAPACITY) {
            acknowledged.remove(events.removeLast());
        }
        events.addFirst(e);
        version++;
    }

    /** Shows only events of this severity or worse. */
    public synchronized void setMinimumSeverity(Event.Severity s) {
        minimum = s;
        version++;
    }

    /** Shows only events whose source contains this text (case-insensitive); empty shows all. */
    public synchronized void setSourceFilter(String text) {
        sourceFilter = text.trim().toLowerCase(Locale.ROOT);
        version++;
    }

    /** Marks events as seen by the operator. */
    public synchronized void acknowledge(List<Event> list) {
        acknowledged.addAll(list);
        version++;
    }

    public synchronized boolean isAcknowledged(Event e) {
        return acknowledged.contains(e);
    }

    /** The events that pass the filters, newest first. */
    public synchronized List<Event> visible() {
        List<Event> out = new ArrayList<>();
        for (Event e : events) {
            if (e.severity().compareTo(minimum) >= 0
                && (sourceFilter.isEmpty() || e.source().toLowerCase(Locale.ROOT).contains(sourceFilter))) {
                out.add(e);
            }
        }
        return out;
    }

    /** Unacknowledged events of severity ERROR that pass the filters: what the view's title counts. */
    public synchronized long openErrors() {
        return visible().stream().filter(e -> e.severity() == Event.Severity.ERROR && !acknowledged.contains(e)).count();
    }

    /** Changes whenever anything the view shows changes, so the view redraws only then. */
    public synchronized long version() {
        return version;
    }
}
