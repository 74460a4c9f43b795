package io.convergence.core;

import java.time.Duration;

/** Moves every sample from the bus into the historian, in large batches. */
public interface Recorder {

    /** Counters since the recorder started. */
    RecorderStatus status();

    /**
     * Waits until every sample published on the bus before this call is stored, or the timeout ends.
     *
     * @return whether everything was stored in time
     */
    boolean flush(Duration timeout) throws InterruptedException;
}
