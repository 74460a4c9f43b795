package io.convergence.models.internal;

import java.util.OptionalLong;

import io.convergence.api.model.AnalyticsModel;
import io.convergence.api.point.Micros;

/**
 * Period boundaries of a model, found through {@link AnalyticsModel#recomputeFrom} alone: the start
 * of the period holding a time is what it answers, and the end of that period is the first time
 * after it whose answer is later. A recompute covers the periods its range touches, whole.
 */
final class Periods {

    /** Beyond this the search gives up: no model has periods of a thousand years. */
    private static final long LIMIT = 1000L * 366 * 86_400 * Micros.PER_SECOND;

    private Periods() {
    }

    /** The start of the period holding {@code t}. */
    static long start(AnalyticsModel model, String modelId, long t) {
        return Micros.of(ModelFailure.call(modelId, "recomputeFrom", () -> model.recomputeFrom(Micros.toInstant(t))));
    }

    /**
     * The end of the period that holds the time just before {@code t}: {@code t} itself when it is a
     * period boundary, else the start of the next period; empty when none is found.
     */
    static OptionalLong endAt(AnalyticsModel model, String modelId, long t) {
        long start = start(model, modelId, t);
        if (start == t) {
            return OptionalLong.of(t);
        }
        // Gallop forward until the answer moves past this period, then narrow down to the first
        // time it does: about 2 × log2(period in µs) calls.
        long lo = t;
        long step = 1;
        long hi;
        while (true) {
            if (step > LIMIT) {
                return OptionalLong.empty();
            }
            long x = t + step;
            if (start(model, modelId, x) > start) {
                hi = x;
                break;
            }
            lo = x;
            step *= 2;
        }
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (start(model, modelId, mid) > start) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return OptionalLong.of(hi);
    }
}
