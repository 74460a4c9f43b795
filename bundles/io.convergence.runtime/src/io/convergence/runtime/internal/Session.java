package io.convergence.runtime.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.convergence.api.bus.SampleBus;
import io.convergence.api.config.ConfigException;
import io.convergence.api.config.ConfigurationService;
import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorState;
import io.convergence.api.historian.Historian;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.point.PointRegistry;
import io.convergence.core.Recorder;
import io.convergence.core.RecorderStatus;

import org.jspecify.annotations.Nullable;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A recording session: configures historian and connector, waits until they work, prints one status
 * line a second and a summary at the end.
 */
final class Session implements AutoCloseable {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Services services;
    private final PrintStream out;
    private final CountDownLatch stop = new CountDownLatch(1);
    private @Nullable Recorder recorder;
    private @Nullable Historian historian;
    private long storedBefore;
    private final java.util.Deque<String> applied = new java.util.ArrayDeque<>();

    Session(Services services, PrintStream out) {
        this.services = services;
        this.out = out;
    }

    /** Applies a configuration given as JSON text, checked like a file. */
    void configure(String name, String json) throws CommandException {
        apply(name, files -> files.apply(name, json));
    }

    /** Applies a user's configuration file. */
    void configureFile(java.nio.file.Path file) throws CommandException {
        apply(file.toAbsolutePath().toString(), files -> files.apply(file));
    }

    private interface Application {
        void apply(ConfigurationService files) throws ConfigException;
    }

    /** Applies through the configuration service and remembers the source, for {@link #close()}. */
    private void apply(String source, Application application) throws CommandException {
        try {
            application.apply(services.await(ConfigurationService.class, "", Duration.ofSeconds(20),
                "the configuration service"));
            applied.remove(source);
            applied.push(source);
        } catch (ConfigException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    /** Waits until the historian is open and the recorder runs. */
    void awaitRecording(Duration timeout) throws CommandException {
        historian = services.await(Historian.class, "", timeout, "the historian");
        recorder = services.await(Recorder.class, "", timeout, "the recorder");
        try {
            storedBefore = historian.size();
        } catch (HistorianException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    /**
     * Waits until the connector is connected. A connector that failed, or that is still not connected
     * when the time is up, ends the command with its own explanation.
     */
    Connector awaitConnected(String id, String endpoint, Duration timeout) throws CommandException {
        Connector c = services.await(Connector.class, "(" + Connector.ID_PROPERTY + "=" + id + ")", timeout,
            "the connector for " + endpoint);
        long deadline = System.nanoTime() + timeout.toNanos();
        ConnectorState s = c.state();
        while (System.nanoTime() < deadline) {
            s = c.state();
            if (s.status() == ConnectorState.Status.CONNECTED) {
                return c;
            }
            if (s.status() == ConnectorState.Status.FAILED) {
                throw new CommandException("cannot connect to " + endpoint + ": " + s.detail());
            }
            sleep(100);
        }
        throw new CommandException("cannot reach " + endpoint + " within " + Durations.format(timeout) + ": "
            + s.detail());
    }

    /**
     * Waits until the historian has acknowledged everything the bus carried in this process.
     *
     * @return the samples it had not acknowledged when the time ran out: lost
     */
    static long awaitStored(SampleBus bus, Recorder recorder, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long published = bus.statistics().publishedSamples();
        try {
            while (recorder.status().stored() < published && System.nanoTime() < deadline) {
                recorder.flush(Duration.ofMillis(200));
                published = bus.statistics().publishedSamples();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Math.max(0, published - recorder.status().stored());
    }

    /** Ends {@link #run} early, as Ctrl-C does. */
    void stop() {
        stop.countDown();
    }

    /**
     * Prints a status line a second until {@code length} is over (or forever when it is null, until
     * {@link #stop()}), then flushes the recorder and prints the summary.
     *
     * @param connectorId the connector whose state is the line's {@code connection=}
     * @param others further connectors, each shown as {@code id=STATE}
     * @return the number of samples lost
     */
    long run(@Nullable Duration length, @Nullable String connectorId, String... others) throws CommandException {
        Recorder rec = require(recorder);
        Historian hist = require(historian);
        SampleBus bus = services.await(SampleBus.class, "", Duration.ofSeconds(5), "the sample bus");
        PointRegistry registry = services.await(PointRegistry.class, "", Duration.ofSeconds(5), "the point registry");
        ServiceTracker<Connector, Connector> connector = connectorId == null ? null
            : services.track(Connector.class, "(" + Connector.ID_PROPERTY + "=" + connectorId + ")");
        java.util.Map<String, ServiceTracker<Connector, Connector>> more = new java.util.LinkedHashMap<>();
        for (String id : others) {
            more.put(id, services.track(Connector.class, "(" + Connector.ID_PROPERTY + "=" + id + ")"));
        }
        long publishedAtStart = bus.statistics().publishedSamples();
        RecorderStatus startStatus = rec.status();
        long start = System.nanoTime();
        long end = length == null ? Long.MAX_VALUE : start + length.toNanos();
        long lastPublished = publishedAtStart;
        long lastTick = start;
        try {
            while (true) {
                long now = System.nanoTime();
                long next = Math.min(end, lastTick + 1_000_000_000L);
                if (stop.await(Math.max(0, next - now), TimeUnit.NANOSECONDS)) {
                    break;
                }
                now = System.nanoTime();
                long published = bus.statistics().publishedSamples();
                double rate = (published - lastPublished) / ((now - lastTick) / 1e9);
                lastPublished = published;
                lastTick = now;
                RecorderStatus st = rec.status();
                Connector c = connector == null ? null : connector.getService();
                String state = c == null ? "-" : c.state().status().toString();
                StringBuilder moreStates = new StringBuilder();
                more.forEach((id, t) -> {
                    Connector o = t.getService();
                    moreStates.append("  ").append(id).append('=').append(o == null ? "-" : o.state().status().toString());
                });
                out.printf(Locale.ROOT, "%s  points=%d  samples/s=%,.0f  stored=%,d  connection=%s%s%s%n",
                    LocalTime.now().format(CLOCK), registry.points().size(), rate, storedBefore + st.stored(), state,
                    moreStates,
                    st.lastError() == null || st.failedAppends() == startStatus.failedAppends() ? ""
                        : "  historian-error=\"" + st.lastError() + "\"");
                if (now >= end) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long elapsed = System.nanoTime() - start;
        // The recorder subscribed before any connector started, so everything the bus carried in
        // this process should reach the historian; what does not, within a minute, is lost.
        long lost = awaitStored(bus, rec, Duration.ofSeconds(60));
        long storedInRun = rec.status().stored();
        int points = registry.points().size();
        out.printf(Locale.ROOT, "summary: points=%d samples=%d rate=%.0f/s lost=%d%n", points, storedInRun,
            storedInRun / (elapsed / 1e9), lost);
        try {
            out.printf(Locale.ROOT, "historian: %,d samples stored in all%n", hist.size());
        } catch (HistorianException e) {
            out.println("historian: " + e.getMessage());
        }
        return lost;
    }

    /**
     * Removes what this session configured, newest first (connector before plant before historian),
     * so that the components stop in order and the data folder is closed.
     */
    @Override
    public void close() {
        ConfigurationService files = services.get(ConfigurationService.class);
        while (files != null && !applied.isEmpty()) {
            try {
                files.remove(applied.pop());
            } catch (ConfigException e) {
                out.println("warning: " + e.getMessage());
            }
        }
        // Configuration changes reach the components asynchronously: wait until the historian is gone.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (historian != null && services.get(Historian.class) != null && System.nanoTime() < deadline) {
            sleep(50);
        }
    }

    private static <T> T require(@Nullable T t) throws CommandException {
        if (t == null) {
            throw new CommandException("the session is not recording yet");
        }
        return t;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
