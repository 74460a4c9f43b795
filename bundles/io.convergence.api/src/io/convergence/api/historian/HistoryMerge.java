package io.convergence.api.historian;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

import io.convergence.api.point.Micros;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Sample;
import io.convergence.api.point.SampleBatch;

/**
 * {@link Historian#read} for a historian that only offers {@link Historian#samples}: pages through
 * each point and merges the pages in time order, holding one page per point.
 */
final class HistoryMerge {

    private static final int PAGE = 10_000;

    private HistoryMerge() {
    }

    static void read(Historian h, List<PointPath> points, Instant from, Instant to, int batchSize,
                     Consumer<SampleBatch> sink) throws HistorianException {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize + ": at least 1");
        }
        PriorityQueue<Cursor> heads = new PriorityQueue<>();
        for (int i = 0; i < points.size(); i++) {
            Cursor c = new Cursor(h, points.get(i), i, from, to);
            if (c.fill()) {
                heads.add(c);
            }
        }
        SampleBatch.Builder b = SampleBatch.builder(Math.min(batchSize, PAGE));
        while (!heads.isEmpty()) {
            Cursor c = heads.poll();
            b.add(c.head());
            if (b.size() >= batchSize) {
                sink.accept(b.build());
            }
            if (c.advance()) {
                heads.add(c);
            }
        }
        if (b.size() > 0) {
            sink.accept(b.build());
        }
    }

    /** One point's samples, a page at a time. */
    private static final class Cursor implements Comparable<Cursor> {
        private final Historian h;
        private final PointPath point;
        private final int order;
        private final Instant to;
        private Instant next;
        private List<Sample> page = new ArrayList<>();
        private int at;

        Cursor(Historian h, PointPath point, int order, Instant from, Instant to) {
            this.h = h;
            this.point = point;
            this.order = order;
            this.next = from;
            this.to = to;
        }

        boolean fill() throws HistorianException {
            if (!next.isBefore(to)) {
                return false;
            }
            page = h.samples(point, next, to, PAGE);
            at = 0;
            if (page.isEmpty()) {
                return false;
            }
            if (page.size() == PAGE) {
                // Resume after the last time seen; samples sharing that time are re-read in full.
                Instant last = page.get(page.size() - 1).time();
                int keep = page.size();
                while (keep > 0 && page.get(keep - 1).time().equals(last)) {
                    keep--;
                }
                if (keep > 0) {
                    page = page.subList(0, keep);
                    next = last;
                } else {
                    // A whole page at one instant: read all of that instant, then move past it.
                    Instant after = Micros.toInstant(Micros.of(last) + 1);
                    page = h.samples(point, last, after, Integer.MAX_VALUE);
                    next = after;
                }
            } else {
                next = to;
            }
            return true;
        }

        Sample head() {
            return page.get(at);
        }

        boolean advance() throws HistorianException {
            at++;
            return at < page.size() || fill();
        }

        @Override
        public int compareTo(Cursor o) {
            int c = head().time().compareTo(o.head().time());
            return c != 0 ? c : Integer.compare(order, o.order);
        }
    }
}
