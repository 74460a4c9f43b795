package io.convergence.api.point;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when the points of the {@link PointRegistry} change. Implemented by partners (views,
 * models); called on a thread of the registry's, never concurrently with itself, in the order
 * the changes happened.
 *
 * @since 1.1
 */
@ConsumerType
@FunctionalInterface
public interface PointListener {

    /** Points of one source were added, changed or removed. */
    void pointsChanged(PointChange change);
}
