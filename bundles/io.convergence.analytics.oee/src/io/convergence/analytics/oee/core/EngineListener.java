package io.convergence.analytics.oee.core;

import io.convergence.api.oee.OeeFigures;
import io.convergence.api.oee.Stop;

/** What a {@link LineEngine} reports, on the thread that feeds it. */
public interface EngineListener {

    /** A period closed: its final figures. */
    void closed(OeeFigures figures);

    /** A stop ended. */
    void stopEnded(Stop stop);

    /**
     * The engine stands at the start of a shift or an order, before anything at {@code t} was
     * accounted: a checkpoint taken now lets a recompute from {@code t} start exactly as this run did.
     */
    default void snapshot(long t) {
    }

    /** An order started on the line. */
    default void orderStarted(long t, String order) {
    }

    /** The order running since {@code start} ended at {@code end}. */
    default void orderEnded(long start, long end, String order) {
    }
}
