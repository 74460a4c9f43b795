package io.convergence.api.model;

import java.time.Instant;

/**
 * Where a model stands in the {@link ModelHost}.
 *
 * @param id the model's id
 * @param type the model's type, from {@link AnalyticsModel#TYPE_PROPERTY}; empty if not given
 * @param state what the host is doing with it
 * @param detail a human sentence: what it is doing, or what went wrong
 * @param watermark the latest input time the live run has consumed
 * @param samplesIn input samples consumed since the host started it
 * @param samplesOut derived samples published since the host started it
 * @param recomputes ranges recomputed since the host started it
 * @since 1.0
 */
public record ModelStatus(String id, String type, State state, String detail, Instant watermark, long samplesIn,
                          long samplesOut, long recomputes) {

    /** What the host is doing with a model. */
    public enum State {
        /** Replaying history from its checkpoint to now. */
        CATCHING_UP,
        /** Fed live from the bus. */
        RUNNING,
        /** Recomputing a range; live samples wait meanwhile. */
        RECOMPUTING,
        /** Its run failed; the detail says why. The host tries again later. */
        FAILED
    }
}
