package io.convergence.runtime.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.convergence.api.bus.SampleBus;
import io.convergence.api.cli.CommandException;
import io.convergence.api.cli.Durations;
import io.convergence.api.config.ConfigException;
import io.convergence.api.config.ConfigurationService;
import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorState;
import io.convergence.api.historian.Historian;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.oee.OeeService;
import io.convergence.api.point.PointRegistry;
import io.convergence.core.Recorder;
import io.convergence.core.RecorderStatus;
import io.convergence.demo.Demo;
import io.convergence.historian.duckdb.DuckDbHistorianStore;

import org.jspecify.annotations.Nullable;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A recording session: configures historian and connector, waits until they work, prints one status
 * line a second and a summary at the end.
 *
 * <p>The end is graceful whichever way it comes (the time is up, Ctrl-C, SIGTERM): the sources are
 * stopped first, then everything the bus carried is waited for, then each recorded series is ended
 * with a gap marker, and only then is the summary printed, so its {@code lost} is final.
 */
final class Session implements AutoCloseable {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Services services;
    private final PrintStream out;
    private final CountDownLatch stop = new CountDownLatch(1);
    private @Nullable ServiceTracker<Recorder, Recorder> recorders;
    private @Nullable ServiceTracker<Historian, Historian> historians;
    private long storedBefore;
    private long rejectedBefore;
    private RecorderStatus atStart = new RecorderStatus(0, 0, 0, 0, null, 0, 0, 0, "ok");
    private final java.util.Deque<String> applied = new java.util.ArrayDeque<>();
    /** How many of {@link #applied} are there before the sources: the historian's and the like. */
    private int beforeSources;

    Session(Services services, PrintStream out) {
        this.services = services;
        this.out = out;
    }

    /** Applies a configuration given as JSON text, checked like a file. */
    void configure(String name, String json) throws CommandException {
        apply(name, files -> files.apply(name, json));
    }

    /**
     * Applies a configuration if an installed bundle takes its PID (its MetaType is known), as for a
     * model whose feature an admin may have removed; returns whether it did.
     */
    boolean configureIfInstalled(String name, String pid, String json) throws CommandException {
        ConfigurationService files = services.await(ConfigurationService.class, "", Duration.ofSeconds(20),
            "the configuration service");
        if (files.schema(pid).isEmpty()) {
            return false;
        }
        configure(name, json);
        return true;
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

    /**
     * Waits until the historian is open and the recorder runs. What is configured after this counts as
     * a source, stopped first at the end.
     */
    /** Waits until the simulated plant on {@code port} serves: see {@link Demo#awaitPlant}. */
    void awaitPlant(int port, Duration timeout) throws CommandException {
        Demo demo = services.await(Demo.class, "", Duration.ofSeconds(20), "the demo");
        try {
            demo.awaitPlant(port, timeout);
        } catch (ConfigException e) {
            throw new CommandException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("stopped while the simulated plant was starting", e);
        }
    }

    void awaitRecording(Duration timeout) throws CommandException {
        Historian historian = services.await(Historian.class, "", timeout, "the historian");
        Recorder recorder = services.await(Recorder.class, "", timeout, "the recorder");
        historians = services.track(Historian.class, "");
        recorders = services.track(Recorder.class, "");
        try {
            storedBefore = historian.size();
        } catch (HistorianException e) {
            throw new CommandException(e.getMessage(), e);
        }
        atStart = recorder.status();
        rejectedBefore = storeRejects(historian);
        beforeSources = applied.size();
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
     * Waits until the recorder has accounted for everything the bus carried in this process: stored,
     * or set aside as rejected with a reason.
     *
     * @return the samples it has not stored nor set aside when the time ran out (dropped for lack of
     *     room while the historian could not store, or still pending): lost
     */
    static long awaitStored(SampleBus bus, Recorder recorder, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long published = bus.statistics().publishedSamples();
        try {
            while (System.nanoTime() < deadline) {
                RecorderStatus s = recorder.status();
                if (s.stored() + s.rejected() + s.dropped() >= published && s.pending() == 0) {
                    break;
                }
                recorder.flush(Duration.ofMillis(200));
                published = bus.statistics().publishedSamples();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RecorderStatus s = recorder.status();
        return Math.max(0, published - s.stored() - s.rejected());
    }

    /** Ends {@link #run} early, as Ctrl-C does. */
    void stop() {
        stop.countDown();
    }

    /**
     * Prints a status line a second until {@code length} is over (or forever when it is null, until
     * {@link #stop()}), then stops the sources, waits for the recorder, ends the recorded series and
     * prints the summary.
     *
     * @param connectorId the connector whose state is the line's {@code connection=}
     * @param others further connectors, each shown as {@code id=STATE}
     * @return the number of samples lost
     */
    long run(@Nullable Duration length, @Nullable String connectorId, String... others) throws CommandException {
        require(recorders);
        SampleBus bus = services.await(SampleBus.class, "", Duration.ofSeconds(5), "the sample bus");
        PointRegistry registry = services.await(PointRegistry.class, "", Duration.ofSeconds(5), "the point registry");
        ServiceTracker<Connector, Connector> connector = connectorId == null ? null
            : services.track(Connector.class, "(" + Connector.ID_PROPERTY + "=" + connectorId + ")");
        java.util.Map<String, ServiceTracker<Connector, Connector>> more = new java.util.LinkedHashMap<>();
        for (String id : others) {
            more.put(id, services.track(Connector.class, "(" + Connector.ID_PROPERTY + "=" + id + ")"));
        }
        ServiceTracker<OeeService, OeeService> oee = services.track(OeeService.class, "");
        long start = System.nanoTime();
        long end = length == null ? Long.MAX_VALUE : start + length.toNanos();
        long lastPublished = bus.statistics().publishedSamples();
        long lastTick = start;
        int points = registry.points().size();
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
                points = registry.points().size();
                Connector c = connector == null ? null : connector.getService();
                String state = c == null ? "-" : c.state().status().toString();
                StringBuilder moreStates = new StringBuilder();
                more.forEach((id, t) -> {
                    Connector o = t.getService();
                    moreStates.append("  ").append(id).append('=').append(o == null ? "-" : o.state().status().toString());
                });
                out.printf(Locale.ROOT, "%s  points=%d  samples/s=%,.0f  stored=%,d  connection=%s%s%s%s%n",
                    LocalTime.now().format(CLOCK), points, rate, storedBefore + stored(recorder().status()), state,
                    moreStates, OeeLines.status(oee.getService()), trouble(recorder().status()));
                if (now >= end) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        // The figures as the run ends, before the sources stop and the line looks stopped.
        List<String> oeeLines = OeeLines.summary(oee.getService());
        oee.close();
        stopSources(connector);
        // Everything the bus carried in this process should reach the historian (the recorder subscribed
        // before any source started); what does not within a minute is lost.
        long lost = awaitStored(bus, recorder(), Duration.ofSeconds(60));
        try {
            recorder().endSeries();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RecorderStatus st = recorder().status();
        long storedInRun = stored(st);
        long rejected = rejected(st);
        out.printf(Locale.ROOT, "summary: points=%d samples=%d rate=%.0f/s lost=%d rejected=%d%n", points, storedInRun,
            storedInRun / Math.max(elapsed, 1e-3), lost, rejected);
        if (st.dropped() > atStart.dropped()) {
            out.printf(Locale.ROOT, "recording: %,d samples dropped while the historian could not store; a gap is"
                + " marked where they were%n", st.dropped() - atStart.dropped());
        }
        if (rejected > 0) {
            out.printf(Locale.ROOT, "recording: %,d samples rejected (a time outside the years 1 to 9999, a text too long,"
                + " a value that is not a finite number); the historian keeps them with the reason%n", rejected);
        }
        Historian hist = historian();
        try {
            out.printf(Locale.ROOT, "historian: %,d samples stored in all%n", hist == null ? 0 : hist.size());
        } catch (HistorianException e) {
            out.println("historian: " + e.getMessage());
        }
        oeeLines.forEach(out::println);
        return lost;
    }

    /** The problems of the moment, for the status line: none when all is well. */
    private String trouble(RecorderStatus st) {
        StringBuilder b = new StringBuilder();
        if (!st.historianOk()) {
            b.append("  historian=").append(st.historian()).append(String.format(Locale.ROOT, "  queued=%.1fMB",
                st.queuedBytes() / 1048576.0));
        }
        long dropped = st.dropped() - atStart.dropped();
        if (dropped > 0) {
            b.append("  dropped=").append(dropped);
        }
        long rejected = rejected(st);
        if (rejected > 0) {
            b.append("  rejected=").append(rejected);
        }
        if (!st.historianOk() && st.lastError() != null) {
            b.append("  historian-error=\"").append(st.lastError()).append('"');
        }
        return b.toString();
    }

    /** Samples stored as samples since the session began: the historian's own rejects not counted. */
    private long stored(RecorderStatus st) {
        return st.stored() - atStart.stored() - (storeRejects(historian()) - rejectedBefore);
    }

    /** Samples rejected since the session began: by the historian (kept with the reason) or the recorder. */
    private long rejected(RecorderStatus st) {
        return st.rejected() - atStart.rejected() + storeRejects(historian()) - rejectedBefore;
    }

    /** What the embedded historian kept among its rejects since it opened. */
    private static long storeRejects(@Nullable Historian h) {
        return h instanceof DuckDbHistorianStore store ? store.rejectedSamples() : 0;
    }

    /** The recorder now: while the historian or the recorder is reconfigured, the next one, once it is up. */
    private Recorder recorder() throws CommandException {
        Recorder r = require(recorders).getService();
        return r != null ? r : services.await(Recorder.class, "", Duration.ofSeconds(60), "the recorder");
    }

    private @Nullable Historian historian() {
        ServiceTracker<Historian, Historian> t = historians;
        return t == null ? null : t.getService();
    }

    /**
     * Removes the sources this session configured (connector, simulated plant), newest first, and waits
     * until the connector is gone: nothing is published after this.
     */
    private void stopSources(@Nullable ServiceTracker<Connector, Connector> connector) {
        ConfigurationService files = services.get(ConfigurationService.class);
        while (files != null && applied.size() > beforeSources) {
            try {
                files.remove(applied.pop());
            } catch (ConfigException e) {
                out.println("warning: " + e.getMessage());
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (connector != null && connector.getService() != null && System.nanoTime() < deadline) {
            sleep(50);
        }
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
        while (historians != null && services.get(Historian.class) != null && System.nanoTime() < deadline) {
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
