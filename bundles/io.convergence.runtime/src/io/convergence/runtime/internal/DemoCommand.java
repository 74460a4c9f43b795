package io.convergence.runtime.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.convergence.api.cli.Args;
import io.convergence.api.cli.CliCommand;
import io.convergence.api.cli.CliContext;
import io.convergence.api.cli.CommandException;
import io.convergence.api.cli.UsageException;
import io.convergence.demo.Presets;

import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** {@code convergence demo --headless}: the simulated plant, recorded into the embedded historian. */
@Component(service = CliCommand.class, property = CliCommand.NAME_PROPERTY + "=demo")
public final class DemoCommand implements CliCommand {

    private final BundleContext bundles;

    @Activate
    public DemoCommand(BundleContext bundles) {
        this.bundles = bundles;
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "run the simulated packaging line and record it (the product in its first minute)";
    }

    @Override
    public String help() {
        return """
            usage: convergence demo [--workspace DIR] [--clean]
                   convergence demo --headless [--for DURATION] [--data DIR] [--port PORT] [--points N] [--seed N] [--config FILE]

            Starts the simulated packaging line (an embedded OPC UA server) and the simulated ERP
            whose orders it runs (an H2 database on loopback), connects the OPC UA connector to the
            line and the SQL connector to the ERP, and records every value into the embedded historian.

            Without --headless it opens the workbench on it (workspace ~/.convergence/demo-workspace,
            or --workspace DIR; --clean forgets the remembered window layout).

            With --headless it prints one status line a second and a summary at the end (Ctrl-C
            ends a run without --for):

              --headless        no window
              --for DURATION    stop after this long, e.g. 20s, 5m, 1h (default: until Ctrl-C)
              --data DIR        historian folder (default: ~/.convergence/demo)
              --port PORT       port of the simulated plant's OPC UA server (default 4840, or a free one)
              --points N        extra simulated sensor points, for load (default 0)
              --seed N          random seed of the simulation (default 42)
              --config FILE     also apply this configuration file (JSON); checked before anything starts
            """;
    }

    @Override
    public int run(CliContext ctx, List<String> argv) throws UsageException, CommandException {
        StartupClock clock = new StartupClock();
        Args args = new Args(name(), argv, Set.of("for", "data", "port", "points", "seed", "config"), Set.of("headless"));
        if (args.help()) {
            ctx.out().print(help());
            return OK;
        }
        args.allowOperands(0);
        if (!args.flag("headless")) {
            throw new UsageException("the headless runtime has no window: use 'convergence demo' for the workbench, or add --headless");
        }
        @Nullable Duration length = args.duration("for");
        Path data = args.path("data", ctx.home().resolve("demo"));
        int points = args.intValue("points", 0, 0, 1_000_000);
        long seed = args.longValue("seed", 42);
        int port = args.value("port") == null ? freeOr(4840) : args.intValue("port", 0, 1, 65535);
        @Nullable Path config = args.path("config");
        checkDataFolder(data);
        String endpoint = Presets.simulatorEndpoint(port);
        int erpPort = freeOr(9092);
        String erpUrl = Presets.erpUrl(erpPort);
        // The simulated ERP's reporting password lives as long as this run.
        byte[] secret = new byte[12];
        new java.security.SecureRandom().nextBytes(secret);
        String erpPassword = java.util.HexFormat.of().formatHex(secret);

        try (Services services = new Services(bundles); Session session = new Session(services, ctx.out())) {
            if (config != null) {
                ConfigFiles.check(services, config);
            }
            if (ctx.stopRequested()) {
                ctx.out().println("demo: stopped before it started");
                return OK;
            }
            ctx.onStop(session::stop);
            ctx.out().println("demo: simulated plant at " + endpoint + ", simulated ERP at " + erpUrl + ", historian in "
                + data.toAbsolutePath());
            // The ERP first: the line follows its plan from its first tick. The plant builds its server in
            // the background while the historian opens; the connectors come once it records and the plant serves.
            session.configure("demo:erp", Presets.erp(erpPort, seed, erpPassword));
            session.configure("demo:plant", Presets.simulator(port, points, seed, data.resolve("sim-pki")));
            session.configure("demo:historian", Presets.historian(data));
            session.awaitRecording(Duration.ofSeconds(60));
            clock.mark("historian");
            if (config != null) {
                session.configureFile(config);
            }
            session.awaitPlant(port, Duration.ofSeconds(60));
            clock.mark("plant");
            clock.whenFirstStored(services, "plant", ctx.out(), name());
            session.configure("demo:connector", Presets.opcua("plant", endpoint, data.resolve("pki"), Map.of()));
            session.configure("demo:erp-connector", Presets.sqlErp("erp", erpUrl, Presets.ERP_USER, erpPassword));
            // The line's OEE, from its machine states and counters and the ERP's calendar and orders.
            if (!session.configureIfInstalled("demo:oee", Presets.OEE_FACTORY, Presets.oee("oee-line1", "erp"))) {
                ctx.out().println("demo: the OEE model is not installed (feature io.convergence.analytics.oee.feature):"
                    + " no OEE figures");
            }
            session.awaitConnected("plant", endpoint, Duration.ofSeconds(60));
            clock.mark("connected");
            session.awaitConnected("erp", erpUrl, Duration.ofSeconds(60));
            long lost = session.run(length, "plant", "erp");
            return lost == 0 ? OK : CommandException.EXIT_CODE;
        }
    }

    /** A data folder that exists must be a folder; one that does not is created by the historian. */
    static void checkDataFolder(Path data) throws CommandException {
        if (Files.exists(data) && !Files.isDirectory(data)) {
            throw new CommandException("--data " + Args.shown(data.toString()) + " is a file, not a folder");
        }
    }

    /** The preferred port when it is free on loopback, else any free one. */
    private static int freeOr(int preferred) {
        try (ServerSocket s = new ServerSocket(preferred, 1, InetAddress.getLoopbackAddress())) {
            return preferred;
        } catch (IOException e) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (IOException e2) {
                return preferred;
            }
        }
    }
}
