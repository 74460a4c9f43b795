package io.convergence.testing;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waiting in tests for something that happens on another thread: polls every 50 ms until a probe
 * answers, and fails with what was awaited, for how long, and what was seen last. The one wait
 * helper of the test bundles.
 */
public final class Wait {

    private static final long PERIOD_MS = 50;

    private Wait() {
    }

    /** A probe that may throw: its exception fails the wait at once. */
    @FunctionalInterface
    public interface Probe<T> {
        T get() throws Exception;
    }

    /** A condition that may throw: its exception fails the wait at once. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls until {@code probe} answers non-null and returns that. */
    public static <T> T forValue(String what, Duration timeout, Probe<T> probe) {
        return forValue(what, timeout, probe, () -> "");
    }

    /**
     * Polls until {@code probe} answers non-null and returns that; the failure message ends with
     * {@code lastSeen}, for example the state a connector was in.
     */
    public static <T> T forValue(String what, Duration timeout, Probe<T> probe, Supplier<String> lastSeen) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            T t;
            try {
                t = probe.get();
            } catch (Exception e) {
                throw new AssertionError("while waiting for " + what + ": " + e, e);
            }
            if (t != null) {
                return t;
            }
            if (System.nanoTime() > end) {
                String seen = lastSeen.get();
                throw new AssertionError("no " + what + " within " + timeout + (seen.isEmpty() ? "" : "; " + seen));
            }
            sleep(PERIOD_MS);
        }
    }

    /** Polls until {@code condition} holds. */
    public static void until(String what, Duration timeout, Condition condition) {
        forValue(what, timeout, () -> condition.holds() ? Boolean.TRUE : null);
    }

    /** Sleeps; an interruption is kept and fails the test. */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
