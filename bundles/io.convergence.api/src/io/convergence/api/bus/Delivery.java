package io.convergence.api.bus;

/** What a subscriber needs from the bus when it falls behind. */
public enum Delivery {
    /** Every batch is delivered; a full queue makes publishers wait. For recorders and models. */
    EVERY_BATCH,
    /** When the queue is full the oldest queued batch is skipped and counted. For views. */
    MAY_SKIP
}
