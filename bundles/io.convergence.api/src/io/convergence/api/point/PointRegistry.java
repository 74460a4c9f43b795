package io.convergence.api.point;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.convergence.api.event.Registration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The points known to the runtime, as announced by their connectors and models. A service;
 * partners call it, the runtime implements it.
 */
@ProviderType
public interface PointRegistry {

    /**
     * Replaces every point the given source announced before by {@code points}.
     *
     * @param source the id of the connector or model that publishes the points
     */
    void announce(String source, Collection<PointInfo> points);

    /** Forgets every point of a source, for example when its connector is removed. */
    void withdraw(String source);

    /** Every known point, sorted by path. */
    List<PointInfo> points();

    /** The point at a path, if known. */
    Optional<PointInfo> find(PointPath path);

    /**
     * Tells a listener about every change from now on, so that views and models need not poll.
     * The listener is first told about every point known now, one {@link PointChange} per source,
     * as if each had just been announced.
     *
     * @return close it to stop listening
     * @since 1.1
     */
    Registration addListener(PointListener listener);
}
