package io.convergence.ui.trend.internal.model;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One picture of the trend, ready to draw: the window, each pen's line within it, and each unit's
 * Y range.
 *
 * @param window the time range shown
 * @param pens the pens' lines, in pen order
 * @param yRanges per unit, {@code [lower, upper]} of its axis
 */
public record Frame(TimeWindow window, List<PenTrace> pens, Map<String, double[]> yRanges) {

    /**
     * One pen's line.
     *
     * @param pen the pen
     * @param trace its points, a little beyond the window on both sides so the line reaches the edges
     * @param range {@code [min, max]} of its values inside the window, {@code null} if it has none there
     */
    public record PenTrace(Pen pen, Trace trace, double @Nullable [] range) {
    }
}
