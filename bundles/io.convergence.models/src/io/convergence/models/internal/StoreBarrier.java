package io.convergence.models.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import io.convergence.api.bus.BusSubscription;
import io.convergence.api.bus.Delivery;
import io.convergence.api.bus.SampleBus;
import io.convergence.api.historian.Historian;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointFilter;

import org.jspecify.annotations.Nullable;

/**
 * Waits until the historian holds what the bus carried so far, before the host reads history that
 * must be complete (a catch-up, a recompute) or replaces outputs that must not be appended again
 * behind its back.
 *
 * <p>The recorder stores bus batches in the order they were published, one append after the other.
 * So once a sample published after this call started is stored, everything published before is
 * stored too. The barrier listens to the bus for the first batch published from now on and waits
 * until the historian has its first row; it also waits for a row the caller knows was published (the
 * last one its model received). When the bus stays quiet for a moment, nothing is waiting to be
 * stored beyond that known row.
 */
final class StoreBarrier {

    private final SampleBus bus;
    private final Historian historian;
    private final Duration quiet;
    private final Duration timeout;

    StoreBarrier(SampleBus bus, Historian historian, Duration quiet, Duration timeout) {
        this.bus = bus;
        this.historian = historian;
        this.quiet = quiet;
        this.timeout = timeout;
    }

    /**
     * @param known a row known to be published, or null
     * @param stop checked while waiting: a stop unwinds with {@link ModelFailure.StopRequested}
     * @return true when everything is stored; false when the time ran out first (the recorder is far
     *     behind, failing, or not running)
     */
    boolean await(@Nullable Row known, BooleanSupplier stop) throws InterruptedException, HistorianException {
        List<Row> rows = new ArrayList<>(2);
        if (known != null) {
            rows.add(known);
        }
        CompletableFuture<Row> first = new CompletableFuture<>();
        try (BusSubscription probe = bus.subscribe("model-host-barrier", Delivery.MAY_SKIP, PointFilter.all(),
            b -> first.complete(Row.of(b, 0)))) {
            rows.add(first.get(quiet.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            // a quiet bus: nothing published since, nothing more to wait for
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Row r : rows) {
            while (!stored(r)) {
                if (stop.getAsBoolean()) {
                    throw new ModelFailure.StopRequested();
                }
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(10);
            }
        }
        return true;
    }

    private boolean stored(Row r) throws HistorianException {
        return !historian.samples(r.point(), Micros.toInstant(r.micros()), Micros.toInstant(r.micros() + 1), 1)
            .isEmpty();
    }
}
