package com.example.partner.view.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.convergence.api.point.Micros;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;

/**
 * What the view shows, without any SWT: the latest windows of statistics published under one path,
 * newest first, at most {@link #CAPACITY}. The model publishes a window's five figures
 * ({@code PATH/mean}, {@code min}, {@code max}, {@code stddev}, {@code count}) stamped with the
 * window's start, so a row is a time stamp and the figures that carry it. Thread-safe: samples arrive
 * on the bus's thread, the view reads on the UI thread.
 */
final class StatisticsTable {

    /** The figures, in the order of the table's columns: the last segments of the model's output paths. */
    static final List<String> FIGURES = List.of("mean", "min", "max", "stddev", "count");
    /** Windows kept; older ones fall off the end. */
    static final int CAPACITY = 200;

    /**
     * One window.
     *
     * @param start the window's start, the time stamp of its figures
     * @param figures in the order of {@link #FIGURES}; NaN for one not received
     * @param quality the worst quality among its figures
     */
    record Row(Instant start, double[] figures, Quality quality) {
    }

    private final PointPath source;
    /** Window start (µs) to its figures, newest first. */
    private final TreeMap<Long, double[]> windows = new TreeMap<>((a, b) -> Long.compare(b, a));
    private final TreeMap<Long, Quality> qualities = new TreeMap<>();
    private long version;

    /** @param source the path the statistics are published under, such as {@code partner/example/statistics} */
    StatisticsTable(PointPath source) {
        this.source = source;
    }

    PointPath source() {
        return source;
    }

    /** Takes the samples of a batch that are figures under the source path; ignores the rest. */
    synchronized void add(SampleBatch batch) {
        for (int i = 0; i < batch.size(); i++) {
            PointPath p = batch.point(i);
            int column = FIGURES.indexOf(p.name());
            if (column < 0 || p.depth() != source.depth() + 1 || !p.startsWith(source) || batch.text(i) != null) {
                continue;
            }
            long start = batch.timeMicros(i);
            double[] row = windows.computeIfAbsent(start, s -> empty());
            row[column] = batch.number(i);
            Quality q = batch.quality(i);
            Quality was = qualities.get(start);
            // Quality's constants run from good to bad.
            qualities.put(start, was == null || q.compareTo(was) > 0 ? q : was);
            version++;
        }
        while (windows.size() > CAPACITY) {
            qualities.remove(windows.pollLastEntry().getKey());
        }
    }

    /** The windows, newest first. */
    synchronized List<Row> rows() {
        List<Row> out = new ArrayList<>(windows.size());
        for (Map.Entry<Long, double[]> e : windows.entrySet()) {
            out.add(new Row(Micros.toInstant(e.getKey()), e.getValue().clone(), qualities.getOrDefault(e.getKey(), Quality.GOOD)));
        }
        return out;
    }

    synchronized boolean isEmpty() {
        return windows.isEmpty();
    }

    /** Changes whenever a figure arrives, so that the view redraws only then. */
    synchronized long version() {
        return version;
    }

    private static double[] empty() {
        double[] row = new double[FIGURES.size()];
        Arrays.fill(row, Double.NaN);
        return row;
    }
}
