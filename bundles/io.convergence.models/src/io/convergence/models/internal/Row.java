package io.convergence.models.internal;

import io.convergence.api.point.PointPath;
import io.convergence.api.point.SampleBatch;

/**
 * A sample's identity: its point and its time in microseconds. The host tells samples it read from
 * history apart from the same samples arriving on the bus by it.
 */
record Row(PointPath point, long micros) {

    /** Row {@code i} of a batch. */
    static Row of(SampleBatch batch, int i) {
        return new Row(batch.point(i), batch.timeMicros(i));
    }
}
