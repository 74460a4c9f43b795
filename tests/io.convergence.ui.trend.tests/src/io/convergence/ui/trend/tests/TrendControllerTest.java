package io.convergence.ui.trend.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import io.convergence.api.historian.Bucket;
import io.convergence.api.historian.Historian;
import io.convergence.api.historian.PointSummary;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Sample;
import io.convergence.api.point.SampleBatch;
import io.convergence.ui.trend.internal.data.LiveFeed;
import io.convergence.ui.trend.internal.data.TrendController;
import io.convergence.ui.trend.internal.model.BucketTraces;
import io.convergence.ui.trend.internal.model.TimeWindow;
import io.convergence.ui.trend.internal.model.TrendModel;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * When the trend reads history: in the background, at the screen's resolution, again only when
 * the window leaves what was read or the resolution changes. The "UI thread" here is the test's
 * own, draining a queue; it never blocks on the historian.
 */
class TrendControllerTest {

    static final long NOW = 1_780_000_000_000_000L;
    static final PointPath P = PointPath.parse("acme/lyon/line1/filler/vibration");

    private final BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
    private final SlowHistorian historian = new SlowHistorian();
    private @Nullable Historian service = historian;

    @Test
    void readsInTheBackgroundAtScreenResolutionAndOnlyWhenNeeded() throws Exception {
        TrendModel model = new TrendModel(NOW);
        model.show(new TimeWindow(NOW - 600_000_000L, NOW));
        TrendController c = new TrendController(model, new LiveFeed(), () -> service, ui::add, () -> NOW, () -> { });
        c.setColumns(1000);

        long before = System.nanoTime();
        c.addPen(P, "mm/s", "");
        assertTrue(System.nanoTime() - before < 200_000_000L, "adding a pen does not wait for the 300 ms read");
        assertTrue(c.loading());
        awaitUi(() -> !c.loading());
        assertEquals(1, historian.calls.get());
        Duration bucket = historian.lastBucket;
        assertEquals(600_000L, bucket.toNanos() / 1_000, "one bucket per pixel: 10 min / 1000 px");
        assertEquals(NOW - 1_200_000_000L, historian.lastFrom, "a window's width of margin on the left");
        assertTrue(c.frame().pens().get(0).trace().size() > 0);
        assertTrue(c.status().contains("samples read"), c.status());

        model.panTime(-0.5);
        c.update();
        assertFalse(c.loading(), "a pan within the margin draws from what was read");
        model.zoomTime(0.5, 0.5, NOW);
        c.update();
        assertTrue(c.loading(), "zooming needs a finer resolution");
        awaitUi(() -> !c.loading());
        assertEquals(2, historian.calls.get());

        service = null;
        c.historianChanged();
        assertTrue(c.history().isEmpty());
        assertTrue(c.status().startsWith("No historian"), c.status());
        c.close();
    }

    private void awaitUi(BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!done.getAsBoolean()) {
            Runnable r = ui.poll(50, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
        }
    }

    /** Answers 100 buckets spread over the range, after 300 ms. */
    static final class SlowHistorian implements Historian {
        final AtomicLong calls = new AtomicLong();
        volatile Duration lastBucket = Duration.ZERO;
        volatile long lastFrom;

        @Override
        public List<Bucket> buckets(PointPath point, Instant from, Instant to, Duration bucket) {
            calls.incrementAndGet();
            lastBucket = bucket;
            lastFrom = BucketTraces.micros(from);
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<Bucket> out = new ArrayList<>();
            Duration every = Duration.between(from, to).dividedBy(100);
            for (int i = 0; i < 100; i++) {
                out.add(new Bucket(from.plus(every.multipliedBy(i)), 10, -1, 1, 0, 0, 0.5, 0));
            }
            return out;
        }

        @Override
        public void append(SampleBatch batch) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<PointSummary> points() {
            return List.of();
        }

        @Override
        public List<Sample> samples(PointPath point, Instant from, Instant to, int limit) {
            return List.of();
        }

        @Override
        public long size() {
            return 0;
        }
    }
}
