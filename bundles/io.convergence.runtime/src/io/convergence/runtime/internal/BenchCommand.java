package io.convergence.runtime.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import io.convergence.api.bus.SampleBus;
import io.convergence.api.cli.Args;
import io.convergence.api.cli.CliCommand;
import io.convergence.api.cli.CliContext;
import io.convergence.api.cli.CommandException;
import io.convergence.api.cli.Durations;
import io.convergence.api.cli.UsageException;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointRegistry;
import io.convergence.core.Recorder;
import io.convergence.demo.Presets;

import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code convergence bench ingest}: the full path (OPC UA connector → bus → historian) against a
 * bare Milo client on the same simulated server, in the same run.
 */
@Component(service = CliCommand.class, property = CliCommand.NAME_PROPERTY + "=bench")
public final class BenchCommand implements CliCommand {

    private static final double INTERVAL_MS = 100;

    private final BundleContext bundles;

    @Activate
    public BenchCommand(BundleContext bundles) {
        this.bundles = bundles;
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "measure ingest (against a bare Milo client) or start-up (against a JVM printing hello)";
    }

    @Override
    public String help() {
        return """
            usage: convergence bench ingest [--points N] [--for DURATION] [--data DIR] [--models]
                   convergence bench startup [--runs N] [--no-cache]

            ingest: starts the simulated plant with N extra points, each changing every 100 ms, then measures
              (b) the full path: OPC UA connector -> sample bus -> historian (durable appends), and
              (a) a bare Milo client subscribed to the same nodes with the same intervals,
            each for DURATION after a warm-up. The last line reads
              ingest: R1 samples/s, raw milo: R2 samples/s, ratio R1/R2, lost L

              --points N        extra simulated points (default 10000)
              --for DURATION    measuring time of each phase (default 20s)
              --data DIR        historian folder (default: a temporary folder, deleted afterwards)
              --models          with the analytics running: the OEE model of the simulated line on the
                                model host, fed live from the bus while the full path is measured

            startup: launches 'convergence demo --headless' as a user does, N times, and times each launch
            to the demo's first stored sample; in the same runs, the same JVM starting and printing
            hello. A first launch (it makes the start-up caches) is shown apart. The last line reads
              startup: demo S1 s (median; min ..), hello S2 s (median; min ..), difference S1-S2 s, ratio S1/S2

              --runs N          timed launches of each (default 5)
              --no-cache        launch without the start-up caches (CONVERGENCE_CACHE=off), to compare
            """;
    }

    @Override
    public int run(CliContext ctx, List<String> argv) throws UsageException, CommandException {
        Args args = new Args(name(), argv, Set.of("points", "for", "data", "runs"), Set.of("no-cache", "models"));
        if (args.help()) {
            ctx.out().print(help());
            return OK;
        }
        if (args.operands().isEmpty()) {
            throw new UsageException("'bench' needs a benchmark: ingest or startup" + args.hint());
        }
        String which = args.operands().get(0);
        if (!which.equals("ingest") && !which.equals("startup")) {
            throw new UsageException("unknown benchmark '" + Args.shown(which) + "'; expected ingest or startup"
                + args.hint());
        }
        args.allowOperands(1);
        for (String option : which.equals("ingest") ? List.of("runs", "no-cache")
            : List.of("points", "for", "data", "models")) {
            if (args.flag(option)) {
                throw new UsageException("option --" + option + " is not one of 'bench " + which + "'" + args.hint());
            }
        }
        return which.equals("ingest") ? ingest(ctx, args) : startup(ctx, args);
    }

    private int startup(CliContext ctx, Args args) throws UsageException, CommandException {
        int runs = args.intValue("runs", 5, 1, 100);
        String launcher = System.getProperty("convergence.launcher");
        if (launcher == null || !Files.isExecutable(Path.of(launcher))) {
            throw new CommandException("'bench startup' times the launcher script; run it as './convergence bench startup'");
        }
        if (ctx.stopRequested()) {
            ctx.out().println("bench: stopped before it started");
            return OK;
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("convergence-bench-startup");
            Thread runner = Thread.currentThread();
            ctx.onStop(runner::interrupt);
            return new StartupBench(Path.of(launcher), Path.of(System.getProperty("java.home"), "bin", "java"), ctx.out())
                .run(runs, !args.flag("no-cache"), work);
        } catch (IOException e) {
            throw new CommandException("bench startup: " + e.getMessage(), e);
        } finally {
            if (work != null) {
                StartupBench.deleteQuietly(work);
            }
        }
    }

    private int ingest(CliContext ctx, Args args) throws UsageException, CommandException {
        int points = args.intValue("points", 10_000, 1, 1_000_000);
        Duration length = args.duration("for", Duration.ofSeconds(20));
        @Nullable Path data = args.path("data");
        if (data != null) {
            DemoCommand.checkDataFolder(data);
        }
        if (ctx.stopRequested()) {
            ctx.out().println("bench: stopped before it started");
            return OK;
        }
        Path temp = null;
        try {
            if (data == null) {
                temp = Files.createTempDirectory("convergence-bench");
                data = temp;
            }
            return ingest(ctx, points, length, data, args.flag("models"));
        } catch (IOException e) {
            throw new CommandException("cannot create a temporary data folder: " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    private int ingest(CliContext ctx, int points, Duration length, Path data, boolean models) throws CommandException {
        PrintStream out = ctx.out();
        int port = freePort();
        String endpoint = Presets.simulatorEndpoint(port);
        try (Services services = new Services(bundles); Session session = new Session(services, out)) {
            Thread runner = Thread.currentThread();
            ctx.onStop(runner::interrupt);
            session.configure("bench:plant", Presets.simulator(port, points, 42, data.resolve("sim-pki")));
            session.configure("bench:historian", Presets.historian(data));
            session.awaitRecording(Duration.ofSeconds(60));
            session.awaitPlant(port, Duration.ofSeconds(120));
            out.printf(Locale.ROOT, "bench: simulated plant with %d extra points at %s, values every %.0f ms%n",
                points, endpoint, INTERVAL_MS);
            session.configure("bench:connector", Presets.opcua("bench", endpoint, data.resolve("pki"),
                Map.of("samplingIntervalMs", INTERVAL_MS, "publishingIntervalMs", INTERVAL_MS)));
            session.awaitConnected("bench", endpoint, Duration.ofSeconds(120));
            if (models) {
                // The analytics that run in the product: the OEE model of the simulated line, hosted live.
                session.configure("bench:oee", Presets.oee("bench-oee", ""));
                out.println("bench: OEE model of the simulated line running on the model host");
            }
            PointRegistry registry = services.await(PointRegistry.class, "", Duration.ofSeconds(5), "the point registry");
            SampleBus bus = services.await(SampleBus.class, "", Duration.ofSeconds(5), "the sample bus");
            Recorder recorder = services.await(Recorder.class, "", Duration.ofSeconds(5), "the recorder");

            List<String> nodes = awaitPoints(registry, points, Duration.ofSeconds(120));
            out.printf(Locale.ROOT, "bench: connector subscribed to %d variables; warming up%n", nodes.size());
            sleep(Duration.ofSeconds(5));
            long p0 = bus.statistics().publishedSamples();
            long t0 = System.nanoTime();
            sleep(length);
            long p1 = bus.statistics().publishedSamples();
            double full = (p1 - p0) / ((System.nanoTime() - t0) / 1e9);
            out.printf(Locale.ROOT, "bench: full path %,.0f samples/s over %s%n", full, Durations.format(length));
            session.configure("bench:connector", "{}");
            long lost = Session.awaitStored(bus, recorder, Duration.ofSeconds(120));
            out.printf(Locale.ROOT, "bench: historian holds everything the bus carried: %s (%,d samples)%n",
                lost == 0 ? "yes" : "no", recorder.status().stored());

            double raw;
            try (RawMiloBaseline baseline = new RawMiloBaseline(endpoint, nodes, INTERVAL_MS, 1000)) {
                sleep(Duration.ofSeconds(5));
                long r0 = baseline.received();
                long t1 = System.nanoTime();
                sleep(length);
                raw = (baseline.received() - r0) / ((System.nanoTime() - t1) / 1e9);
            } catch (org.eclipse.milo.opcua.stack.core.UaException e) {
                throw new CommandException("the bare Milo client could not subscribe: " + e.getMessage(), e);
            }
            out.printf(Locale.ROOT, "bench: raw milo %,.0f samples/s over %s%n", raw, Durations.format(length));
            out.printf(Locale.ROOT, "ingest: %.0f samples/s, raw milo: %.0f samples/s, ratio %.3f, lost %d%n",
                full, raw, raw == 0 ? 0 : full / raw, lost);
            return lost == 0 ? 0 : 1;
        }
    }

    private static List<String> awaitPoints(PointRegistry registry, int atLeast, Duration timeout) throws CommandException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<PointInfo> pts = registry.points();
        while (pts.size() < atLeast && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(200));
            pts = registry.points();
        }
        if (pts.size() < atLeast) {
            throw new CommandException("the connector announced only " + pts.size() + " of " + atLeast + " points");
        }
        return pts.stream().map(PointInfo::sourceAddress).filter(Objects::nonNull).toList();
    }

    private static int freePort() throws CommandException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new CommandException("no free port on loopback: " + e.getMessage(), e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder; the system cleans it eventually
        }
    }
}
