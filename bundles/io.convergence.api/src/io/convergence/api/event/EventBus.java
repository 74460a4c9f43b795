package io.convergence.api.event;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.osgi.annotation.versioning.ProviderType;

/** Carries events to whoever listens and keeps the recent ones. A service; partners call it. */
@ProviderType
public interface EventBus {

    /** Hands an event to every listener, on their own threads; never blocks for long. */
    void publish(Event event);

    /**
     * Listens to events published from now on.
     *
     * @return close it to stop listening
     */
    Registration subscribe(Consumer<Event> listener);

    /**
     * Listens to the events that the filter accepts, published from now on; for example
     * {@code subscribe(e -> e.type().startsWith("oee."), this::show)}.
     *
     * @return close it to stop listening
     * @since 1.1
     */
    default Registration subscribe(Predicate<Event> filter, Consumer<Event> listener) {
        return subscribe(e -> {
            if (filter.test(e)) {
                listener.accept(e);
            }
        });
    }

    /** The most recent events, newest first, at most {@code max}. */
    List<Event> recent(int max);
}
