package io.convergence.runtime.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.ServiceTracker;

/** Looks up the runtime's services for the command line, and explains components that failed. */
final class Services implements AutoCloseable {

    private final BundleContext context;
    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();

    Services(BundleContext context) {
        this.context = context;
    }

    /** A tracker for services of a type matching an optional filter; closed with this object. */
    <T> ServiceTracker<T, T> track(Class<T> type, String filter) {
        String f = filter.isEmpty() ? "(objectClass=" + type.getName() + ")"
            : "(&(objectClass=" + type.getName() + ")" + filter + ")";
        try {
            Filter flt = context.createFilter(f);
            ServiceTracker<T, T> t = new ServiceTracker<>(context, flt, null);
            t.open();
            trackers.add(t);
            return t;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(f, e);
        }
    }

    /**
     * Waits for a service; while waiting, a component that failed to activate ends the wait with its
     * reason.
     */
    <T> T await(Class<T> type, String filter, Duration timeout, String what) throws CommandException {
        ServiceTracker<T, T> t = track(type, filter);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            T s = t.getService();
            if (s != null) {
                return s;
            }
            Optional<String> failure = firstFailure();
            if (failure.isPresent()) {
                throw new CommandException(failure.get());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CommandException("interrupted while waiting for " + what);
            }
        }
        throw new CommandException(what + " did not start within " + Durations.format(timeout)
            + " (see the log above for why)");
    }

    <T> @Nullable T get(Class<T> type) {
        ServiceReference<T> ref = context.getServiceReference(type);
        return ref == null ? null : context.getService(ref);
    }

    /** The reason of the first component of ours whose activation failed, if any. */
    Optional<String> firstFailure() {
        ServiceComponentRuntime scr = get(ServiceComponentRuntime.class);
        if (scr == null) {
            return Optional.empty();
        }
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (!d.name.startsWith("io.convergence.")) {
                continue;
            }
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION && c.failure != null) {
                    return Optional.of(rootMessage(c.failure));
                }
            }
        }
        return Optional.empty();
    }

    /** The most specific message in a stack trace text: the last "Caused by:" line, or the first line. */
    static String rootMessage(String trace) {
        String best = trace.lines().findFirst().orElse(trace);
        for (String line : trace.lines().toList()) {
            if (line.startsWith("Caused by: ")) {
                best = line.substring("Caused by: ".length());
            }
        }
        int colon = best.indexOf(": ");
        if (colon > 0 && best.substring(0, colon).matches("[\\w.$]+(Exception|Error)")) {
            best = best.substring(colon + 2);
        }
        return best;
    }

    @Override
    public void close() {
        trackers.forEach(ServiceTracker::close);
    }
}
