package io.convergence.models.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

import io.convergence.api.point.PointPath;

import org.jspecify.annotations.Nullable;

/**
 * Per input point, the time of the last sample a run consumed (microseconds). A sample of a point at
 * or before its watermark has been counted already, or is late. Used by one thread at a time.
 */
final class Watermarks {

    private final Map<PointPath, Long> times;

    Watermarks() {
        this.times = new HashMap<>();
    }

    Watermarks(Map<PointPath, Long> times) {
        this.times = new HashMap<>(times);
    }

    @Nullable Long get(PointPath point) {
        return times.get(point);
    }

    void put(PointPath point, long micros) {
        times.put(point, micros);
    }

    /** The latest time consumed over every point; empty when nothing was consumed. */
    OptionalLong max() {
        return times.values().stream().mapToLong(Long::longValue).max();
    }

    /** The earliest of the points' watermarks; empty when nothing was consumed. */
    OptionalLong min() {
        return times.values().stream().mapToLong(Long::longValue).min();
    }

    boolean isEmpty() {
        return times.isEmpty();
    }

    /** This one's times, overridden by the points {@code newer} has a time for. */
    Watermarks overriddenBy(Watermarks newer) {
        Watermarks w = new Watermarks(times);
        w.times.putAll(newer.times);
        return w;
    }

    /** A copy of the times, for a checkpoint. */
    Map<PointPath, Long> snapshot() {
        return Map.copyOf(times);
    }
}
