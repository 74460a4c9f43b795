package io.convergence.ui.trend.internal.model;

import io.convergence.api.point.PointPath;

/**
 * One point drawn in the trend.
 *
 * @param path the point
 * @param unit its engineering unit; pens with the same unit share a Y axis; empty if none
 * @param description a human description; empty if none
 * @param rgb the line colour as {@code 0xRRGGBB}
 */
public record Pen(PointPath path, String unit, String description, int rgb) {

    /** What the legend shows: the point's name, and its unit in brackets. */
    public String label() {
        return unit.isEmpty() ? path.name() : path.name() + " [" + unit + "]";
    }
}
