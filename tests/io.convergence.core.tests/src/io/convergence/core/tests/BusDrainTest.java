package io.convergence.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import io.convergence.api.bus.BusSubscription;
import io.convergence.api.bus.Delivery;
import io.convergence.api.bus.SampleBus;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;
import io.convergence.testing.Osgi;

import org.junit.jupiter.api.Test;

/** Closing an every-batch subscription hands over what was queued for it first; a view's is dropped. */
class BusDrainTest {

    private static final PointPath P = PointPath.parse("test/drain/p");

    @Test
    void anEveryBatchSubscriberGetsWhatWasQueuedBeforeItClosed() {
        SampleBus bus = Osgi.await(SampleBus.class);
        AtomicLong seen = new AtomicLong();
        BusSubscription sub = bus.subscribe("test-drain", Delivery.EVERY_BATCH, b -> {
            sleep(2);
            seen.addAndGet(b.size());
        });
        for (int n = 0; n < 200; n++) {
            bus.publish(SampleBatch.builder(1).add(P, n, n, Quality.GOOD).build());
        }
        assertTrue(seen.get() < 200, "a backlog is queued: " + seen.get());
        sub.close();
        assertEquals(200, seen.get(), "delivered before close() returned");
        long after = seen.get();
        bus.publish(SampleBatch.builder(1).add(P, 999, 1, Quality.GOOD).build());
        sleep(100);
        assertEquals(after, seen.get(), "nothing after close");
    }

    @Test
    void aMaySkipSubscriberStopsAtOnce() {
        SampleBus bus = Osgi.await(SampleBus.class);
        AtomicLong seen = new AtomicLong();
        BusSubscription sub = bus.subscribe("test-view", Delivery.MAY_SKIP, b -> {
            sleep(20);
            seen.addAndGet(b.size());
        });
        for (int n = 0; n < 100; n++) {
            bus.publish(SampleBatch.builder(1).add(P, n, n, Quality.GOOD).build());
        }
        long start = System.nanoTime();
        sub.close();
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "a view's close does not wait for its backlog");
        assertTrue(seen.get() < 100, "seen " + seen.get());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
