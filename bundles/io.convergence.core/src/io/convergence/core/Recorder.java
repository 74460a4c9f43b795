package io.convergence.core;

import java.time.Duration;

/** Moves every sample from the bus into the historian, in large batches. */
public interface Recorder {

    /** Counters since the recorder started. */
    RecorderStatus status();

    /**
     * Waits until every sample published on the bus before this call is stored (or accounted for as
     * rejected or dropped), or the timeout ends.
     *
     * @return whether everything was accounted for in time
     */
    boolean flush(Duration timeout) throws InterruptedException;

    /**
     * Ends the recorded series: writes a gap marker just after the last stored sample of every point
     * recorded, unless that sample is one already, in the time base of the point's own samples. For a
     * graceful stop, once the sources have stopped and {@link #flush} returned; the recorder does it
     * itself when the runtime stops.
     *
     * @return the points marked
     */
    int endSeries() throws InterruptedException;
}
