package io.convergence.runtime.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.convergence.api.cli.CommandException;
import io.convergence.api.cli.Durations;
import io.convergence.core.ActivationFailure;

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
        ServiceReference<T> ref = awaitReference(type, filter, timeout, what);
        T s = context.getService(ref);
        if (s == null) {
            throw new CommandException(what + " went away as it started");
        }
        return s;
    }

    /** Like {@link #await}, for the service's reference (its properties), without getting the service. */
    <T> ServiceReference<T> awaitReference(Class<T> type, String filter, Duration timeout, String what)
        throws CommandException {
        ServiceTracker<T, T> t = track(type, filter);
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextCheck = 0;
        while (System.nanoTime() < deadline) {
            ServiceReference<T> r = t.getServiceReference();
            if (r != null) {
                return r;
            }
            // Every component's state from SCR a few times a second, not at every look at the tracker:
            // a busy check takes CPU from the runtime that is starting what is awaited.
            if (System.nanoTime() >= nextCheck) {
                Optional<String> failure = firstFailure();
                if (failure.isPresent()) {
                    throw new CommandException(failure.get());
                }
                nextCheck = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CommandException("interrupted while waiting for " + what);
            }
        }
        String log = System.getProperty("osgi.logfile");
        throw new CommandException(what + " did not start within " + Durations.format(timeout)
            + (log == null ? "" : " (the framework's log " + log + " may say why)"));
    }

    /** The highest service id given so far: services registered later have higher ones. */
    long highestServiceId() {
        return highestServiceId(context);
    }

    /** The highest service id the framework has given so far. */
    static long highestServiceId(BundleContext context) {
        long max = 0;
        try {
            ServiceReference<?>[] all = context.getAllServiceReferences(null, null);
            for (ServiceReference<?> r : all == null ? new ServiceReference<?>[0] : all) {
                max = Math.max(max, (Long) r.getProperty(org.osgi.framework.Constants.SERVICE_ID));
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return max;
    }

    /** Whether a service matching an LDAP filter body such as {@code service.id=42} is registered. */
    boolean registered(String filterBody) {
        try {
            return context.getAllServiceReferences(null, "(" + filterBody + ")") != null;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(filterBody, e);
        }
    }

    BundleContext context() {
        return context;
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
                    String what = d.configurationPid.length > 0 ? "configuration " + d.configurationPid[0] : d.name;
                    return Optional.of(ActivationFailure.describe(what, c.failure));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        trackers.forEach(ServiceTracker::close);
    }
}
