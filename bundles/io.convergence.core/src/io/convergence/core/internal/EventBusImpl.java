package io.convergence.core.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import io.convergence.api.event.Event;
import io.convergence.api.event.EventBus;
import io.convergence.api.event.Registration;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Events to listeners on one delivery thread, and a ring of the most recent ones. */
@Component(service = EventBus.class)
public final class EventBusImpl implements EventBus {

    private static final Logger LOG = LoggerFactory.getLogger(EventBusImpl.class);
    static final int KEEP = 10_000;

    private final CopyOnWriteArrayList<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private final ArrayDeque<Event> recent = new ArrayDeque<>();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "convergence-events");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void publish(Event event) {
        synchronized (recent) {
            if (recent.size() == KEEP) {
                recent.removeLast();
            }
            recent.addFirst(event);
        }
        delivery.execute(() -> {
            for (Consumer<Event> l : listeners) {
                try {
                    l.accept(event);
                } catch (RuntimeException e) {
                    LOG.error("event listener failed on {}", event, e);
                }
            }
        });
    }

    @Override
    public Registration subscribe(Consumer<Event> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public List<Event> recent(int max) {
        List<Event> out = new ArrayList<>(Math.min(max, KEEP));
        synchronized (recent) {
            Iterator<Event> it = recent.iterator();
            while (it.hasNext() && out.size() < max) {
                out.add(it.next());
            }
        }
        return out;
    }

    @Deactivate
    void deactivate() {
        delivery.shutdownNow();
    }
}
