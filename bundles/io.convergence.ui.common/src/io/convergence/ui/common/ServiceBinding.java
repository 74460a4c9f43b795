package io.convergence.ui.common;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Something a view keeps open against a service while the service is there: a bus subscription,
 * a registry listener. Views get their services by e4 injection ({@code @Inject} a method with an
 * {@code @Optional @Service} parameter), which calls the method again, on any thread, whenever the
 * service comes, goes or is replaced; the method hands the service to {@link #set}, which closes
 * what was open against the old one and opens against the new. Thread-safe.
 *
 * @param <S> the service type
 */
public final class ServiceBinding<S> implements AutoCloseable {

    private final Function<S, ? extends AutoCloseable> open;
    private @Nullable S service;
    private @Nullable AutoCloseable resource;
    private boolean closed;

    /** @param open opens the resource against a service; called with this binding's lock held */
    public ServiceBinding(Function<S, ? extends AutoCloseable> open) {
        this.open = open;
    }

    /** Takes the service injected now, {@code null} when there is none. */
    public synchronized void set(@Nullable S now) {
        if (now == service && (resource != null || now == null)) {
            return;
        }
        release();
        service = now;
        if (now != null && !closed) {
            resource = open.apply(now);
        }
    }

    /** Opens the resource again against the same service, for example with a new point filter. */
    public synchronized void reopen() {
        release();
        if (service != null && !closed) {
            resource = open.apply(service);
        }
    }

    /** The service now, or {@code null}. */
    public synchronized @Nullable S get() {
        return service;
    }

    /** Closes the resource; later services are not bound. */
    @Override
    public synchronized void close() {
        closed = true;
        release();
    }

    private void release() {
        AutoCloseable r = resource;
        resource = null;
        if (r != null) {
            try {
                r.close();
            } catch (Exception e) {
                // the service went away under it; nothing is left to close
            }
        }
    }
}
