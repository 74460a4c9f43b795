package io.convergence.historian.duckdb.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.convergence.api.point.JsonValue;
import io.convergence.api.point.SampleBatch;
import io.convergence.historian.duckdb.RejectedSample;

import org.jspecify.annotations.Nullable;

/**
 * What the historian cannot store as a sample, found before the append: a time outside the years 1
 * to 9999 (DuckDB would take it and later fail to read it back), a text or JSON longer than
 * {@value #MAX_TEXT} characters, JSON that does not parse (DuckDB's appender takes any text into a
 * JSON column), a value that is not a finite number (an infinity would turn every average of its
 * bucket into NaN).
 */
final class RowCheck {

    /** The longest text stored as a sample's value. */
    static final int MAX_TEXT = 1 << 20;

    private RowCheck() {
    }

    /** Why row {@code i} cannot be stored, or {@code null} if it can. */
    static @Nullable String problem(SampleBatch b, int i) {
        long micros = b.timeMicros(i);
        if (!Micros.storable(micros)) {
            return "time " + describe(micros) + " is outside the years 1 to 9999 (a source clock far off?)";
        }
        String text = b.text(i);
        if (text != null) {
            boolean json = b.isJson(i);
            if (text.length() > MAX_TEXT) {
                return (json ? "JSON" : "text") + " of " + text.length() + " characters is longer than the " + MAX_TEXT
                    + " stored";
            }
            if (json) {
                return JsonCheck.problem(text);
            }
        } else {
            double v = b.number(i);
            if (Double.isInfinite(v)) {
                return "value " + v + " is not a finite number";
            }
        }
        return null;
    }

    /**
     * The rows of a batch that can be stored, adding a reject for each one that cannot.
     *
     * @return the storable rows, or {@code null} if every row is
     */
    static int @Nullable [] storable(SampleBatch b, List<RejectedSample> rejects, Instant now) {
        int n = b.size();
        int[] keep = null;
        int kept = 0;
        for (int i = 0; i < n; i++) {
            String p = problem(b, i);
            if (p == null) {
                if (keep != null) {
                    keep[kept] = i;
                }
                kept++;
                continue;
            }
            if (keep == null) {
                keep = new int[n];
                for (int j = 0; j < i; j++) {
                    keep[j] = j;
                }
            }
            rejects.add(reject(b, i, p, now));
        }
        return keep == null ? null : java.util.Arrays.copyOf(keep, kept);
    }

    /** A reject of row {@code i}, keeping at most {@link RejectedSample#MAX_KEPT_TEXT} characters of a text. */
    static RejectedSample reject(SampleBatch b, int i, String reason, Instant now) {
        String text = b.text(i);
        Object value;
        if (text != null) {
            String kept = text.length() > RejectedSample.MAX_KEPT_TEXT ? text.substring(0, RejectedSample.MAX_KEPT_TEXT)
                : text;
            value = b.isJson(i) ? new JsonValue(kept) : kept;
        } else {
            double d = b.number(i);
            value = Double.isNaN(d) ? null : d;
        }
        return new RejectedSample(b.point(i), b.timeMicros(i), value, b.quality(i), reason, now);
    }

    /** All rows but those listed, which are sorted. */
    static int[] without(int @Nullable [] rows, int size, List<Integer> bad) {
        List<Integer> out = new ArrayList<>();
        int k = 0;
        for (int j = 0; j < (rows == null ? size : rows.length); j++) {
            int row = rows == null ? j : rows[j];
            if (k < bad.size() && bad.get(k) == row) {
                k++;
            } else {
                out.add(row);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String describe(long micros) {
        Instant t = Micros.instant(micros);
        return t + " (" + micros + " µs since the epoch)";
    }
}
