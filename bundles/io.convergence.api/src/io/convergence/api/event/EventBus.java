package io.convergence.api.event;

import java.util.List;
import java.util.function.Consumer;

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

    /** The most recent events, newest first, at most {@code max}. */
    List<Event> recent(int max);
}
