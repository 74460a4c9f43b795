package io.convergence.runtime.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.convergence.api.bus.BusSubscription;
import io.convergence.api.bus.Delivery;
import io.convergence.api.bus.SampleBus;
import io.convergence.api.cli.CommandException;
import io.convergence.api.event.Registration;
import io.convergence.api.historian.Historian;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointFilter;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.PointRegistry;
import io.convergence.api.point.SampleBatch;

import org.jspecify.annotations.Nullable;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Milestones of a start, measured from the start of this process: how long until the first sample
 * of a source is stored (printed for everyone), and, with {@code -Dconvergence.startup.trace=true},
 * every milestone on the way (for {@code convergence bench startup} and for finding where the time
 * goes).
 *
 * <p>"Stored" means what a user would check: a sample that the source's connector published (a point
 * the registry attributes to it) can be read back from the historian. Samples of other sources (the
 * ERP, a model) do not count, however early they are stored.
 */
final class StartupClock {

    /** The system property that asks for every milestone. */
    static final String TRACE = "convergence.startup.trace";

    private static final Duration LIMIT = Duration.ofMinutes(1);

    private final Instant processStart;
    private final boolean trace = Boolean.getBoolean(TRACE);
    private final List<String> milestones = new ArrayList<>();

    /** The first sample of the watched source seen on the bus. */
    private record Seen(PointPath point, long timeMicros) {
    }

    StartupClock() {
        Instant now = Instant.now();
        this.processStart = ProcessHandle.current().info().startInstant().orElse(now);
        mark("application");
    }

    /** Time since the process started. */
    Duration elapsed() {
        return Duration.between(processStart, Instant.now());
    }

    /** Notes a milestone, such as "historian": printed at the end of the start with the trace on. */
    synchronized void mark(String milestone) {
        milestones.add(String.format(Locale.ROOT, "%s=%d", milestone, elapsed().toMillis()));
    }

    /**
     * Watches the first samples of the connector {@code source}: notes when it announces its points
     * ("points"), when its first sample is on the bus ("sample"), and prints one line when that sample
     * can be read back from the historian ("stored"; with the trace on, the milestones too). Call it
     * before the source is configured. Works from a thread of its own, so the caller goes on at once;
     * gives up after a minute.
     */
    void whenFirstStored(Services services, String source, PrintStream out, String command) throws CommandException {
        PointRegistry registry = services.await(PointRegistry.class, "", Duration.ofSeconds(5), "the point registry");
        SampleBus bus = services.await(SampleBus.class, "", Duration.ofSeconds(5), "the sample bus");
        ServiceTracker<Historian, Historian> historians = services.track(Historian.class, "");
        CountDownLatch announced = new CountDownLatch(1);
        Registration points = registry.addListener(change -> {
            if (change.source().equals(source) && !change.added().isEmpty() && announced.getCount() > 0) {
                announced.countDown();
                mark("points");
            }
        });
        AtomicReference<@Nullable Seen> first = new AtomicReference<>();
        CountDownLatch seen = new CountDownLatch(1);
        BusSubscription samples = bus.subscribe("startup-clock", Delivery.MAY_SKIP, PointFilter.all(), batch -> {
            if (seen.getCount() == 0) {
                return;
            }
            Seen s = firstOf(batch, registry, source);
            if (s != null && first.compareAndSet(null, s)) {
                mark("sample");
                seen.countDown();
            }
        });
        Thread t = new Thread(() -> {
            try {
                long deadline = System.nanoTime() + LIMIT.toNanos();
                boolean any = seen.await(LIMIT.toNanos(), TimeUnit.NANOSECONDS);
                samples.close();
                points.close();
                Seen s = first.get();
                if (!any || s == null || !awaitStored(historians, s, deadline)) {
                    return;
                }
                mark("stored");
                out.printf(Locale.ROOT, "%s: first samples stored %.2f s after the process started%n", command,
                    elapsed().toMillis() / 1000.0);
                if (trace) {
                    // The CPU time says how much work the start was, whatever else the machine was doing.
                    long cpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
                    synchronized (this) {
                        out.println("startup (ms since the process started): " + String.join(" ", milestones)
                            + (cpu < 0 ? "" : " cpu=" + cpu));
                    }
                }
            } catch (InterruptedException e) {
                samples.close();
                points.close();
            }
        }, "convergence-first-sample");
        t.setDaemon(true);
        t.start();
    }

    /** The first sample in a batch of a point that the registry attributes to {@code source}. */
    private static @Nullable Seen firstOf(SampleBatch batch, PointRegistry registry, String source) {
        for (int i = 0; i < batch.size(); i++) {
            PointInfo info = registry.find(batch.point(i)).orElse(null);
            if (info != null && info.source().equals(source)) {
                return new Seen(batch.point(i), batch.timeMicros(i));
            }
        }
        return null;
    }

    /** Polls the historian until the sample can be read back from it; false when the time is up. */
    private static boolean awaitStored(ServiceTracker<Historian, Historian> historians, Seen s, long deadline)
        throws InterruptedException {
        Instant from = Micros.toInstant(s.timeMicros());
        Instant to = Micros.toInstant(s.timeMicros() + 1);
        while (System.nanoTime() < deadline) {
            Historian h = historians.getService();
            try {
                if (h != null && !h.samples(s.point(), from, to, 1).isEmpty()) {
                    return true;
                }
            } catch (HistorianException e) {
                // not readable yet (opening, or between a reconfiguration): ask again
            }
            Thread.sleep(2);
        }
        return false;
    }
}
