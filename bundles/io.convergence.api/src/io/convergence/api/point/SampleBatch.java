package io.convergence.api.point;

import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.jspecify.annotations.Nullable;

/**
 * An immutable batch of samples, stored in columns: a point, a timestamp (microseconds since the
 * epoch), a number or a text, and a quality per row. Numeric points (boolean, integer, double)
 * carry their value in a primitive column, so a batch of a hundred thousand values costs a few
 * arrays rather than a hundred thousand objects.
 *
 * <p>A row with quality {@link Quality#BAD} and no value ({@link Double#NaN}, no text) marks a gap.
 *
 * <p>Since 1.1 a row may also hold a structured value, an array or a structure written as JSON
 * ({@link #isJson(int)}); its JSON text is in the text column, so a consumer written for 1.0 sees it
 * as text.
 *
 * <p>Build one with {@link #builder(int)}.
 */
public final class SampleBatch implements Iterable<Sample> {

    private static final SampleBatch EMPTY = new SampleBatch(new PointPath[0], new long[0], new double[0], null,
        null, new byte[0], 0);

    private final PointPath[] points;
    private final long[] micros;
    private final double[] numbers;
    private final String @Nullable [] texts;
    /** Which text rows hold JSON; {@code null} when none does. */
    private final boolean @Nullable [] json;
    private final byte[] qualities;
    private final int size;

    private SampleBatch(PointPath[] points, long[] micros, double[] numbers, String @Nullable [] texts,
                        boolean @Nullable [] json, byte[] qualities, int size) {
        this.points = points;
        this.micros = micros;
        this.numbers = numbers;
        this.texts = texts;
        this.json = json;
        this.qualities = qualities;
        this.size = size;
    }

    /** An empty batch. */
    public static SampleBatch empty() {
        return EMPTY;
    }

    /** A builder with room for {@code capacity} rows before it grows. */
    public static Builder builder(int capacity) {
        return new Builder(capacity);
    }

    /** A batch holding the one sample given. */
    public static SampleBatch of(Sample sample) {
        return builder(1).add(sample).build();
    }

    /** The number of rows. */
    public int size() {
        return size;
    }

    /** Whether the batch has no rows. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** The point of row {@code i}. */
    public PointPath point(int i) {
        check(i);
        return points[i];
    }

    /** The source timestamp of row {@code i}, in microseconds since the epoch. */
    public long timeMicros(int i) {
        check(i);
        return micros[i];
    }

    /** The source timestamp of row {@code i}. */
    public Instant time(int i) {
        return Micros.toInstant(timeMicros(i));
    }

    /** The numeric value of row {@code i}; {@link Double#NaN} for text rows and gaps. */
    public double number(int i) {
        check(i);
        return numbers[i];
    }

    /**
     * The text value of row {@code i}, or {@code null} if the row is numeric or a gap. For a
     * {@linkplain #isJson(int) JSON row}, its JSON text.
     */
    public @Nullable String text(int i) {
        check(i);
        return texts == null ? null : texts[i];
    }

    /**
     * Whether row {@code i} holds a structured value (an array or a structure) as JSON text.
     *
     * @since 1.1
     */
    public boolean isJson(int i) {
        check(i);
        return json != null && json[i];
    }

    /**
     * The JSON text of row {@code i}, or {@code null} if it is not a {@linkplain #isJson(int) JSON row}.
     *
     * @since 1.1
     */
    public @Nullable String json(int i) {
        return isJson(i) ? texts[i] : null;
    }

    /**
     * The value of row {@code i}: a {@link Double}, a {@link String}, a {@link JsonValue} (since 1.1),
     * or {@code null} for a gap.
     */
    public @Nullable Object value(int i) {
        String t = text(i);
        if (t != null) {
            return json != null && json[i] ? new JsonValue(t) : t;
        }
        double d = numbers[i];
        return Double.isNaN(d) && qualities[i] == Quality.BAD.ordinal() ? null : d;
    }

    /** The quality of row {@code i}. */
    public Quality quality(int i) {
        check(i);
        return Quality.ofCode(qualities[i]);
    }

    /** Row {@code i} as a sample object. */
    public Sample sample(int i) {
        return new Sample(point(i), time(i), value(i), quality(i));
    }

    /** Whether row {@code i} marks a gap: bad quality and no value. */
    public boolean isGap(int i) {
        return quality(i) == Quality.BAD && value(i) == null;
    }

    /**
     * The rows whose point the filter matches, in order; this batch itself when every row matches.
     *
     * @since 1.1
     */
    public SampleBatch select(PointFilter filter) {
        if (filter.isAll()) {
            return this;
        }
        // Producers reuse their PointPath objects, so runs of one object need one match.
        boolean[] keep = new boolean[size];
        int kept = 0;
        @Nullable PointPath last = null;
        boolean lastMatch = false;
        for (int i = 0; i < size; i++) {
            if (points[i] != last) {
                last = points[i];
                lastMatch = filter.matches(last);
            }
            if (lastMatch) {
                keep[i] = true;
                kept++;
            }
        }
        if (kept == size) {
            return this;
        }
        if (kept == 0) {
            return EMPTY;
        }
        Builder b = builder(kept);
        for (int i = 0; i < size; i++) {
            if (keep[i]) {
                b.addRow(this, i);
            }
        }
        return b.build();
    }

    @Override
    public Iterator<Sample> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public Sample next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                return sample(next++);
            }
        };
    }

    @Override
    public String toString() {
        return "SampleBatch[" + size + " samples]";
    }

    private void check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("row " + i + " of a batch of " + size);
        }
    }

    /** Collects rows for a {@link SampleBatch}. Not thread-safe; one builder per producer thread. */
    public static final class Builder {
        private PointPath[] points;
        private long[] micros;
        private double[] numbers;
        private String @Nullable [] texts;
        private boolean @Nullable [] json;
        private byte[] qualities;
        private int size;

        Builder(int capacity) {
            int c = Math.max(capacity, 4);
            points = new PointPath[c];
            micros = new long[c];
            numbers = new double[c];
            qualities = new byte[c];
        }

        /** Adds a numeric row. */
        public Builder add(PointPath point, long timeMicros, double value, Quality quality) {
            int i = next();
            points[i] = point;
            micros[i] = timeMicros;
            numbers[i] = value;
            qualities[i] = (byte) quality.ordinal();
            return this;
        }

        /** Adds a text row. */
        public Builder addText(PointPath point, long timeMicros, String value, Quality quality) {
            int i = next();
            if (texts == null) {
                texts = new String[points.length];
            }
            points[i] = point;
            micros[i] = timeMicros;
            numbers[i] = Double.NaN;
            texts[i] = value;
            qualities[i] = (byte) quality.ordinal();
            return this;
        }

        /**
         * Adds a row holding a structured value: an array or a structure, as JSON text. The text is
         * carried as given; the producer writes valid JSON.
         *
         * @since 1.1
         */
        public Builder addJson(PointPath point, long timeMicros, String jsonText, Quality quality) {
            addText(point, timeMicros, jsonText, quality);
            if (json == null) {
                json = new boolean[points.length];
            }
            json[size - 1] = true;
            return this;
        }

        /**
         * Adds row {@code i} of another batch as it is.
         *
         * @since 1.1
         */
        public Builder addRow(SampleBatch batch, int i) {
            String t = batch.text(i);
            if (t == null) {
                return add(batch.points[i], batch.micros[i], batch.numbers[i], batch.quality(i));
            }
            return batch.isJson(i) ? addJson(batch.points[i], batch.micros[i], t, batch.quality(i))
                : addText(batch.points[i], batch.micros[i], t, batch.quality(i));
        }

        /** Adds a gap marker: bad quality, no value. */
        public Builder addGap(PointPath point, long timeMicros) {
            return add(point, timeMicros, Double.NaN, Quality.BAD);
        }

        /**
         * Adds a row for any value: numbers and booleans go to the numeric column, {@code null} adds a
         * row with no value, anything else is added as its text.
         */
        public Builder addValue(PointPath point, long timeMicros, @Nullable Object value, Quality quality) {
            if (value == null) {
                return add(point, timeMicros, Double.NaN, quality);
            } else if (value instanceof Number n) {
                return add(point, timeMicros, n.doubleValue(), quality);
            } else if (value instanceof Boolean b) {
                return add(point, timeMicros, b ? 1.0 : 0.0, quality);
            } else if (value instanceof JsonValue j) {
                return addJson(point, timeMicros, j.json(), quality);
            }
            return addText(point, timeMicros, value.toString(), quality);
        }

        /** Adds a sample object. */
        public Builder add(Sample s) {
            return addValue(s.point(), Micros.of(s.time()), s.value(), s.quality());
        }

        /** Adds every row of another batch. */
        public Builder addAll(SampleBatch batch) {
            for (int i = 0; i < batch.size; i++) {
                addRow(batch, i);
            }
            return this;
        }

        /** The number of rows added so far. */
        public int size() {
            return size;
        }

        /** Builds the batch; the builder is then empty and can be reused. */
        public SampleBatch build() {
            if (size == 0) {
                return EMPTY;
            }
            SampleBatch b = new SampleBatch(Arrays.copyOf(points, size), Arrays.copyOf(micros, size),
                Arrays.copyOf(numbers, size), texts == null ? null : Arrays.copyOf(texts, size),
                json == null ? null : Arrays.copyOf(json, size), Arrays.copyOf(qualities, size), size);
            Arrays.fill(points, 0, size, null);
            texts = null;
            json = null;
            size = 0;
            return b;
        }

        private int next() {
            if (size == points.length) {
                int c = points.length * 2;
                points = Arrays.copyOf(points, c);
                micros = Arrays.copyOf(micros, c);
                numbers = Arrays.copyOf(numbers, c);
                qualities = Arrays.copyOf(qualities, c);
                if (texts != null) {
                    texts = Arrays.copyOf(texts, c);
                }
                if (json != null) {
                    json = Arrays.copyOf(json, c);
                }
            }
            return size++;
        }
    }
}
