package io.convergence.runtime.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.convergence.core.Recorder;

/**
 * Milestones of a start, measured from the start of this process: how long until the first samples
 * are stored (printed for everyone), and, with {@code -Dconvergence.startup.trace=true}, every
 * milestone on the way (for {@code convergence bench startup} and for finding where the time goes).
 */
final class StartupClock {

    /** The system property that asks for every milestone. */
    static final String TRACE = "convergence.startup.trace";

    private final Instant processStart;
    private final boolean trace = Boolean.getBoolean(TRACE);
    private final List<String> milestones = new ArrayList<>();

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
     * Prints one line when the recorder has stored its first samples (and with the trace on, the
     * milestones): from a thread of its own, so the caller goes on at once. Gives up after a minute.
     */
    void whenFirstStored(Recorder recorder, PrintStream out, String command) {
        long before = recorder.status().stored();
        Thread t = new Thread(() -> {
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (recorder.status().stored() <= before && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
            if (recorder.status().stored() > before) {
                mark("stored");
                out.printf(Locale.ROOT, "%s: first samples stored %.2f s after the process started%n", command,
                    elapsed().toMillis() / 1000.0);
                if (trace) {
                    synchronized (this) {
                        out.println("startup (ms since the process started): " + String.join(" ", milestones));
                    }
                }
            }
        }, "convergence-first-sample");
        t.setDaemon(true);
        t.start();
    }
}
