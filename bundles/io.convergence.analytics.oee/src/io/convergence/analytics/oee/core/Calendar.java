package io.convergence.analytics.oee.core;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the engine needs to know besides the machine's signals: the shift calendar, the planned
 * stops, the reason codes and the orders' products. From the configuration, from a business source
 * (an ERP), or both. Called on the engine's thread; answers must not change for times already past,
 * or live figures and recomputed ones differ.
 */
public interface Calendar {

    /** The shift that holds {@code t}, the one started last if several do; {@code null} if none. */
    @Nullable Window shiftAt(long t);

    /** The start of the first shift after {@code t}, or {@link Long#MAX_VALUE} if none is known. */
    long nextShiftStart(long t);

    /** Breaks and planned stops overlapping {@code [from, to)}, sorted by start. */
    List<Window> plannedStops(long from, long to);

    /** What a reason code means; {@code null} when it is not known. */
    default @Nullable ReasonInfo reason(String code) {
        return null;
    }

    /** The product and ideal cycle time of an order; {@code null} when the order is not known. */
    default @Nullable OrderInfo order(String orderId) {
        return null;
    }

    /** A reason code's meaning, as the engine uses it. */
    record ReasonInfo(String text, boolean planned, boolean performance, boolean setup) {
    }

    /** An order's product and the product's ideal cycle time. */
    record OrderInfo(String product, double idealCycleSeconds) {
    }
}
