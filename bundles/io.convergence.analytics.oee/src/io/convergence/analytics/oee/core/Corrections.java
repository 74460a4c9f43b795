package io.convergence.analytics.oee.core;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * An operator's corrections of stops, by the stop's start (microseconds): a reason reassigned, or a
 * stop split in two, the second part with a reason of its own. Immutable.
 */
public final class Corrections {

    /** None. */
    public static final Corrections NONE = new Corrections(List.of());

    /**
     * One correction.
     *
     * @param stopStart the start of the stop it corrects
     * @param splitAt where the stop is split, or {@link Long#MIN_VALUE} for a reassignment
     * @param reason the reason code of the stop (reassignment) or of its part from {@code splitAt} (split)
     */
    public record Entry(long stopStart, long splitAt, String reason) {

        public boolean isSplit() {
            return splitAt != Long.MIN_VALUE;
        }
    }

    private final List<Entry> entries;
    private final Map<Long, String> reasons = new TreeMap<>();
    private final Map<Long, Long> splits = new TreeMap<>();

    public Corrections(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        // Later entries win: a reason set after a split overrides the split's.
        for (Entry e : this.entries) {
            if (e.isSplit()) {
                splits.put(e.stopStart(), e.splitAt());
                reasons.put(e.splitAt(), e.reason());
            } else {
                reasons.put(e.stopStart(), e.reason());
            }
        }
    }

    public List<Entry> entries() {
        return entries;
    }

    /** A copy with one more entry. */
    public Corrections with(Entry e) {
        List<Entry> l = new java.util.ArrayList<>(entries);
        l.add(e);
        return new Corrections(l);
    }

    /** The reason set for the stop starting at {@code start}, or {@code null}. */
    public @Nullable String reason(long start) {
        return reasons.get(start);
    }

    /** Where the stop starting at {@code start} is split, or {@link Long#MAX_VALUE}. */
    public long splitAt(long start) {
        Long s = splits.get(start);
        return s == null ? Long.MAX_VALUE : s;
    }

    /** Whether the stop starting at {@code start} was corrected in any way. */
    public boolean touches(long start) {
        return reasons.containsKey(start) || splits.containsKey(start);
    }
}
