package io.convergence.ui.trend.internal.model;

/**
 * What was read from the historian for one pen.
 *
 * @param from start of the range read, microseconds since the epoch
 * @param to end of the range read (exclusive)
 * @param bucketMicros the bucket width asked for: the duration of one pixel column
 * @param trace the decimated line, broken where the samples stop for longer than usual
 * @param tailFrom from this time on the live tail is drawn: the start of the last bucket that had
 *     samples, or {@code from} if none had
 * @param samples the number of samples the buckets summarised
 * @param intervalMicros the point's median sampling interval in the range, 0 if unknown
 */
public record HistorySlice(long from, long to, long bucketMicros, Trace trace, long tailFrom, long samples,
                           long intervalMicros) {

    /** A slice whose sampling interval is not known: its line is never broken for lack of samples. */
    public HistorySlice(long from, long to, long bucketMicros, Trace trace, long tailFrom, long samples) {
        this(from, to, bucketMicros, trace, tailFrom, samples, 0);
    }
}
