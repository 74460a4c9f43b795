package io.convergence.ui.trend.internal.model;

import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Writes pens' samples as CSV: a {@code time} column (ISO-8601, UTC, to the microsecond), then one
 * column per pen. A row per distinct time; a pen with no sample at that time, or a sample of bad
 * quality, leaves its cell empty.
 */
public final class CsvWriter {

    /** One pen's samples in time order. */
    public interface Source {
        /** Moves to the next sample; {@code false} when there is none left. */
        boolean advance() throws Exception;

        /** The current sample's time, microseconds since the epoch. */
        long time();

        /** The current sample's value; {@link Double#NaN} if none. */
        double value();

        /** Whether the current sample has bad quality. */
        boolean bad();
    }

    private CsvWriter() {
    }

    /**
     * Writes the header and one row per distinct time.
     *
     * @param headers the pens' column titles, in source order
     * @param cancelled polled between rows; when it says so, writing stops
     * @return the number of rows written, header excluded
     */
    public static long write(Writer out, List<String> headers, List<? extends Source> sources, BooleanSupplier cancelled)
        throws Exception {
        if (headers.size() != sources.size()) {
            throw new IllegalArgumentException(headers.size() + " headers for " + sources.size() + " sources");
        }
        out.write("time");
        for (String h : headers) {
            out.write(',');
            out.write(escape(h));
        }
        out.write('\n');
        int n = sources.size();
        boolean[] live = new boolean[n];
        for (int i = 0; i < n; i++) {
            live[i] = sources.get(i).advance();
        }
        long rows = 0;
        StringBuilder line = new StringBuilder();
        while (!cancelled.getAsBoolean()) {
            long t = Long.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                if (live[i]) {
                    t = Math.min(t, sources.get(i).time());
                }
            }
            if (t == Long.MAX_VALUE) {
                break;
            }
            line.setLength(0);
            line.append(time(t));
            for (int i = 0; i < n; i++) {
                line.append(',');
                Source s = sources.get(i);
                if (live[i] && s.time() == t) {
                    double v = s.value();
                    if (!s.bad() && !Double.isNaN(v)) {
                        line.append(number(v));
                    }
                    live[i] = s.advance();
                }
            }
            line.append('\n');
            out.write(line.toString());
            rows++;
        }
        out.flush();
        return rows;
    }

    /** A time as written: ISO-8601 in UTC. */
    public static String time(long micros) {
        return DateTimeFormatter.ISO_INSTANT.format(
            Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L));
    }

    /** A number as written: whole numbers without a fraction, others in Java's shortest exact form. */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** A field quoted as CSV needs it. */
    public static String escape(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
