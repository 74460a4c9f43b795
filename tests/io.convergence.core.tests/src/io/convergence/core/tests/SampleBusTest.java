package io.convergence.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.convergence.api.bus.BusSubscription;
import io.convergence.api.bus.Delivery;
import io.convergence.api.bus.SampleBus;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;
import io.convergence.testing.Osgi;

import org.junit.jupiter.api.Test;

class SampleBusTest {

    private static final PointPath P = PointPath.parse("acme/lyon/packaging/line1/filler/speed");

    @Test
    void everyBatchSubscriberSeesAllBatchesInOrder() throws Exception {
        SampleBus bus = Osgi.await(SampleBus.class);
        List<Double> seen = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);
        int batches = 2_000;
        try (BusSubscription sub = bus.subscribe("test-every", Delivery.EVERY_BATCH, b -> {
            // A slow subscriber: the publisher must wait, not drop.
            for (int i = 0; i < b.size(); i++) {
                seen.add(b.number(i));
            }
            if (b.number(b.size() - 1) == batches * 10 - 1) {
                done.countDown();
            }
        })) {
            for (int n = 0; n < batches; n++) {
                SampleBatch.Builder b = SampleBatch.builder(10);
                for (int i = 0; i < 10; i++) {
                    b.add(P, n * 10L + i, n * 10 + i, Quality.GOOD);
                }
                bus.publish(b.build());
            }
            assertTrue(done.await(20, TimeUnit.SECONDS), "all batches delivered");
            assertEquals(batches * 10, seen.size());
            for (int i = 0; i < seen.size(); i++) {
                assertEquals(i, seen.get(i), 0.0, "order at " + i);
            }
            assertEquals(0, sub.skippedBatches());
        }
    }

    @Test
    void maySkipSubscriberNeverHoldsPublishersUpAndCountsWhatItSkipped() throws Exception {
        SampleBus bus = Osgi.await(SampleBus.class);
        CountDownLatch release = new CountDownLatch(1);
        try (BusSubscription slow = bus.subscribe("test-slow-view", Delivery.MAY_SKIP, b -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            long start = System.nanoTime();
            for (int n = 0; n < 5_000; n++) {
                bus.publish(SampleBatch.builder(1).add(P, n, n, Quality.GOOD).build());
            }
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(ms < 5_000, "publishing was held up by a view for " + ms + " ms");
            assertTrue(slow.skippedBatches() > 4_000, "skipped " + slow.skippedBatches());
            release.countDown();
        }
    }
}
