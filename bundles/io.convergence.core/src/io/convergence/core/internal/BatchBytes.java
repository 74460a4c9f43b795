package io.convergence.core.internal;

import io.convergence.api.point.SampleBatch;

/**
 * The memory a queued batch holds, roughly: what bounds the recorder's queue. Counting samples
 * instead would let a source of long texts fill the heap with a queue that looks small.
 */
final class BatchBytes {

    /** A row's columns: time 8, number 8, quality 1, point reference 4 to 8, and the arrays' slack. */
    static final long PER_ROW = 24;
    /** A text's own object and array headers, besides its characters. */
    static final long PER_TEXT = 40;

    private BatchBytes() {
    }

    static long of(SampleBatch b) {
        long bytes = 64 + PER_ROW * b.size();
        for (int i = 0; i < b.size(); i++) {
            String t = b.text(i);
            if (t != null) {
                // Latin-1 strings take a byte a character, others two: count two, to stay on the safe side.
                bytes += PER_TEXT + 2L * t.length();
            }
        }
        return bytes;
    }
}
