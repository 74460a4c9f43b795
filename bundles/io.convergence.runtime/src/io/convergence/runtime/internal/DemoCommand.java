package io.convergence.runtime.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.convergence.core.config.Presets;

/** {@code convergence demo --headless}: the simulated plant, recorded into the embedded historian. */
final class DemoCommand implements Command {

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
              --config FILE     also apply this configuration file (JSON)
            """;
    }

    @Override
    public int run(Context ctx, List<String> argv) throws UsageException, CommandException {
        Args args = new Args(name(), argv, Set.of("for", "data", "port", "points", "seed", "config"), Set.of("headless"));
        if (args.help()) {
            ctx.out().print(help());
            return 0;
        }
        if (!args.operands().isEmpty()) {
            throw new UsageException("unexpected argument '" + args.operands().get(0) + "' for 'demo'" + args.hint());
        }
        if (!args.flag("headless")) {
            throw new UsageException("the headless runtime has no window: use 'convergence demo' for the workbench, or add --headless");
        }
        Duration length = args.value("for") == null ? null : Durations.parse("for", args.value("for", ""));
        Path data = Path.of(args.value("data", ctx.home().resolve("demo").toString()));
        int points = Numbers.parseInt("points", args.value("points", "0"), 0, 1_000_000);
        long seed = Numbers.parseLong("seed", args.value("seed", "42"));
        int port = args.value("port") == null ? freeOr(4840) : Numbers.parseInt("port", args.value("port", ""), 1, 65535);
        String endpoint = Presets.simulatorEndpoint(port);
        int erpPort = freeOr(9092);
        String erpUrl = Presets.erpUrl(erpPort);
        // The simulated ERP's reporting password lives as long as this run.
        byte[] secret = new byte[12];
        new java.security.SecureRandom().nextBytes(secret);
        String erpPassword = java.util.HexFormat.of().formatHex(secret);

        try (Services services = new Services(ctx.bundles()); Session session = new Session(services, ctx.out())) {
            ctx.stopper().accept(session::stop);
            ctx.out().println("demo: simulated plant at " + endpoint + ", simulated ERP at " + erpUrl + ", historian in "
                + data.toAbsolutePath());
            session.configure("demo:historian", Presets.historian(data));
            session.awaitRecording(Duration.ofSeconds(60));
            if (args.value("config") != null) {
                session.configureFile(Path.of(args.value("config", "")));
            }
            // The ERP first: the line follows its plan from its first tick.
            session.configure("demo:erp", Presets.erp(erpPort, seed, erpPassword));
            session.configure("demo:plant", Presets.simulator(port, points, seed, data.resolve("sim-pki")));
            session.configure("demo:connector", Presets.opcua("plant", endpoint, data.resolve("pki"), Map.of()));
            session.configure("demo:erp-connector", Presets.sqlErp("erp", erpUrl, Presets.ERP_USER, erpPassword));
            session.awaitConnected("plant", endpoint, Duration.ofSeconds(60));
            session.awaitConnected("erp", erpUrl, Duration.ofSeconds(60));
            long lost = session.run(length, "plant", "erp");
            return lost == 0 ? 0 : 1;
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
