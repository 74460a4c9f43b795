package io.convergence.ui.common.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.convergence.api.bus.Delivery;
import io.convergence.api.bus.SampleBus;
import io.convergence.api.point.PointFilter;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;
import io.convergence.testing.Osgi;
import io.convergence.testing.Wait;
import io.convergence.ui.common.ServiceBinding;

import org.junit.jupiter.api.Test;

/**
 * A view's subscription follows the service e4 injects: open while there is a bus, closed when it
 * goes, opened again with the points shown now. On the runtime's real sample bus.
 */
class ServiceBindingTest {

    static final PointPath A = PointPath.parse("binding/test/a");
    static final PointPath B = PointPath.parse("binding/test/b");

    @Test
    void theSubscriptionFollowsTheServiceAndThePointsShown() throws Exception {
        SampleBus bus = Osgi.await(SampleBus.class);
        Set<PointPath> shown = ConcurrentHashMap.newKeySet();
        Set<PointPath> seen = ConcurrentHashMap.newKeySet();
        shown.add(A);
        try (ServiceBinding<SampleBus> binding = new ServiceBinding<>(
            b -> b.subscribe("binding-test", Delivery.EVERY_BATCH, PointFilter.paths(shown), batch -> {
                for (int i = 0; i < batch.size(); i++) {
                    seen.add(batch.point(i));
                }
            }))) {
            publish(bus);
            assertEquals(Set.of(), seen, "nothing before a bus is injected");

            binding.set(bus);
            assertSame(bus, binding.get());
            publish(bus);
            Wait.until("a sample of A", Duration.ofSeconds(5), () -> seen.contains(A));
            assertEquals(Set.of(A), seen, "only the points shown");

            shown.add(B);
            binding.reopen();
            seen.clear();
            publish(bus);
            Wait.until("samples of A and B", Duration.ofSeconds(5), () -> seen.size() == 2);

            binding.set(null);
            assertNull(binding.get());
            seen.clear();
            publish(bus);
            Wait.sleep(300);
            assertEquals(Set.of(), seen, "the bus went: the subscription is closed");
        }
    }

    private static void publish(SampleBus bus) {
        long now = System.currentTimeMillis() * 1000;
        bus.publish(SampleBatch.builder(2).add(A, now, 1.0, Quality.GOOD).add(B, now, 2.0, Quality.GOOD).build());
    }

}
