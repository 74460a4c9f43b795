package io.convergence.sim.plant.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.convergence.sim.plant.PlantSimulator;
import io.convergence.sim.plant.internal.model.LinePlan;
import io.convergence.sim.plant.internal.model.MachineModel;
import io.convergence.sim.plant.internal.model.MachineVariable;
import io.convergence.sim.plant.internal.model.PlantLayout;
import io.convergence.sim.plant.internal.model.PlantModel;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the simulated plant while its configuration exists: builds the model and the OPC UA
 * server on activation (the server on a thread of its own: see the constructor), ticks the model on
 * a thread of its own, and stops both (releasing the port) on deactivation. The {@link PlantSimulator}
 * service is registered once the server serves, so whoever finds it can connect. A changed
 * configuration restarts the server. Immediate: the server must run as soon as it is configured,
 * whether or not anyone in this process asks for the service.
 *
 * <p>When a {@link LinePlan} service for the line is registered (the simulated ERP registers one),
 * the line follows it: orders, changeovers, the calendar's planned stops. The reference is dynamic
 * and optional, so a planner that comes or goes later is picked up at the next tick, without
 * restarting the server; without one the line runs by itself as it always did.
 */
@Component(service = {}, configurationPid = PlantSimulatorComponent.PID, immediate = true,
    configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = PlantSimulatorComponent.Config.class)
public final class PlantSimulatorComponent implements PlantSimulator {

    static final String PID = "io.convergence.sim.plant";
    /** More sensors than this are refused: the address space would take gigabytes. */
    static final int MAX_EXTRA_POINTS = 1_000_000;

    private static final Logger LOG = LoggerFactory.getLogger(PlantSimulatorComponent.class);

    @ObjectClassDefinition(name = "Simulated plant",
        description = "An embedded OPC UA server publishing a simulated packaging line "
            + "(acme/lyon/packaging/line1). It accepts any client certificate: for demonstrations and tests only.")
    public @interface Config {
        @AttributeDefinition(name = "Port", description = "TCP port of the OPC UA endpoint.", min = "1", max = "65535")
        int port() default 4840;

        @AttributeDefinition(name = "Bind address",
            description = "Address the server listens on; 0.0.0.0 for every interface.")
        String bindAddress() default "127.0.0.1";

        @AttributeDefinition(name = "Endpoint path", description = "Path of the endpoint URL, without leading slash.")
        String path() default "convergence-sim";

        @AttributeDefinition(name = "Seed", description = "Same seed, same values, tick by tick.")
        long seed() default 42;

        @AttributeDefinition(name = "Machines", description = "Machines on the line (filler, capper, labeler, "
            + "palletizer, then machine5, ...).", min = "3", max = "1000")
        int machines() default 4;

        @AttributeDefinition(name = "Extra points", description = "Generic sensors for load tests, under "
            + "line1/sensors.", min = "0", max = "1000000")
        int extraPoints() default 0;

        @AttributeDefinition(name = "Tick (ms)", description = "How often every value changes.", min = "10")
        int tickMs() default 100;

        @AttributeDefinition(name = "PKI directory", description = "Where the server keeps its own certificate; "
            + "empty means <java.io.tmpdir>/convergence-sim-pki.", required = false)
        String pkiDir() default "";

        @AttributeDefinition(name = "Users", description = "Comma-separated user:password pairs accepted besides "
            + "anonymous; empty for anonymous only.", required = false)
        String users() default "operator:operator";

        @AttributeDefinition(name = "Monitored items per call", description = "MaxMonitoredItemsPerCall the "
            + "server advertises and enforces.", min = "1")
        int maxMonitoredItemsPerCall() default 1000;
    }

    private final SimulatorSettings settings;
    private final List<String> paths;
    private final ScheduledExecutorService ticker;
    private final Thread starter;
    /** Set once the server serves; written under this object's lock. */
    private volatile @Nullable PlantServer server;
    private @Nullable ServiceRegistration<PlantSimulator> registration;
    private @Nullable LinePlan followed;

    /**
     * Checks the configuration, opens the certificate store and takes the port, then builds the
     * address space and starts serving on a thread of its own; the {@link PlantSimulator} service
     * is registered once the server serves. A configuration error, an unusable PKI folder or a port in
     * use fail the activation (SCR reports it); the address space (Milo builds the standard nodes
     * first, about a second) is built while whoever configured the plant goes on.
     */
    @Activate
    public PlantSimulatorComponent(Config config, BundleContext context, Map<String, Object> properties)
        throws Exception {
        this.settings = settings(config);
        long start = System.nanoTime();
        PlantModel model = new PlantModel(settings.seed(), settings.machines(), settings.extraPoints(),
            settings.tickMs(), System.currentTimeMillis());
        this.paths = paths(model);
        ServerPki pki = ServerPki.open(settings.pkiDir(), settings.hostname());
        ServerSocket port = take(settings);
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "convergence-sim-tick");
            t.setDaemon(true);
            return t;
        });
        Dictionary<String, Object> serviceProperties = new Hashtable<>();
        properties.forEach((k, v) -> {
            if (!k.startsWith(".")) {
                serviceProperties.put(k, v);
            }
        });
        this.starter = new Thread(() -> serve(model, pki, port, context, serviceProperties, start),
            "convergence-sim-start");
        starter.setDaemon(true);
        starter.start();
    }

    /** Binds the configured address and port, so that a port in use fails the activation with its number. */
    private static ServerSocket take(SimulatorSettings s) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.bind(new InetSocketAddress(s.bindAddress(), s.port()));
            return socket;
        } catch (IOException e) {
            socket.close();
            // Without the cause: whoever shows the failure shows this message, not the socket's.
            throw new IOException("port " + s.port() + " on " + s.bindAddress() + " is in use (" + e.getMessage()
                + "): choose another port for the simulated plant");
        }
    }

    /** On the starter thread: builds and binds the server, starts the ticks, registers the service. */
    private void serve(PlantModel model, ServerPki pki, ServerSocket port, BundleContext context,
                       Dictionary<String, Object> serviceProperties, long start) {
        PlantServer s;
        try {
            // The port is let go just before the server binds it (and at the latest here).
            s = PlantServer.start(settings, model, pki, () -> close(port));
        } catch (Exception e) {
            LOG.error("The simulated plant at {} could not start", settings.endpointUrl(), e);
            return;
        } finally {
            close(port);
        }
        synchronized (this) {
            server = s;
            if (followed != null) {
                s.follow(followed);
            }
            // The server took a while to start: the clock starts with the ticks, so values carry their real time.
            s.startClock(System.currentTimeMillis());
            ticker.scheduleAtFixedRate(this::tick, settings.tickMs(), settings.tickMs(), TimeUnit.MILLISECONDS);
        }
        try {
            ServiceRegistration<PlantSimulator> r = context.registerService(PlantSimulator.class, this,
                serviceProperties);
            synchronized (this) {
                registration = r;
            }
        } catch (IllegalStateException e) {
            // The bundle is stopping: deactivation follows.
            return;
        }
        LOG.info("Simulated plant serving {} variables at {} (seed {}, tick {} ms), started in {} ms",
            paths.size(), s.endpointUrl(), settings.seed(), settings.tickMs(),
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    private static void close(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("Closing the simulated plant's port reservation", e);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindPlan(LinePlan plan) {
        if (plan.line().equals(PlantLayout.LINE_PATH)) {
            LOG.info("The simulated line {} follows the plan of {}", plan.line(), plan);
            followed = plan;
            PlantServer s = server;
            if (s != null) {
                s.follow(plan);
            }
        }
    }

    synchronized void unbindPlan(LinePlan plan) {
        // DS binds a replacement before it unbinds the one replaced.
        if (plan == followed) {
            LOG.info("The simulated line {} runs by itself again", plan.line());
            followed = null;
            PlantServer s = server;
            if (s != null) {
                s.follow(null);
            }
        }
    }

    private void tick() {
        PlantServer s = server;
        try {
            if (s != null) {
                s.tick();
            }
        } catch (RuntimeException e) {
            // Thrown out of the task, it would cancel every later tick.
            LOG.error("Simulated plant tick failed", e);
        }
    }

    @Deactivate
    void deactivate() {
        // A start under way is let finish (Milo's server is not built to be stopped half-built).
        try {
            starter.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ServiceRegistration<PlantSimulator> r;
        synchronized (this) {
            r = registration;
            registration = null;
        }
        if (r != null) {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // Already gone with the bundle.
            }
        }
        ticker.shutdownNow();
        try {
            if (!ticker.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("The simulated plant's tick did not end within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        PlantServer s = server;
        if (s == null) {
            return;
        }
        // Hands the account of the last seconds to the plan before the plant goes.
        s.follow(null);
        s.close();
        LOG.info("Simulated plant at {} stopped", s.endpointUrl());
    }

    @Override
    public String endpointUrl() {
        return settings.endpointUrl();
    }

    @Override
    public int variableCount() {
        return paths.size();
    }

    @Override
    public List<String> variablePaths() {
        return paths;
    }

    @Override
    public long ticks() {
        PlantServer s = server;
        return s == null ? 0 : s.ticks();
    }

    static SimulatorSettings settings(Config c) {
        if (c.port() < 1 || c.port() > 65535) {
            throw new IllegalArgumentException("port " + c.port() + " outside 1..65535");
        }
        if (c.tickMs() < 10) {
            throw new IllegalArgumentException("tickMs " + c.tickMs() + " below 10");
        }
        if (c.extraPoints() < 0 || c.extraPoints() > MAX_EXTRA_POINTS) {
            throw new IllegalArgumentException("extraPoints " + c.extraPoints() + " outside 0.." + MAX_EXTRA_POINTS);
        }
        if (c.maxMonitoredItemsPerCall() < 1) {
            throw new IllegalArgumentException("maxMonitoredItemsPerCall must be positive");
        }
        int machines = c.machines();
        if (machines < PlantModel.MIN_MACHINES) {
            LOG.warn("machines = {}: a line has at least {}; using {}", machines, PlantModel.MIN_MACHINES,
                PlantModel.MIN_MACHINES);
            machines = PlantModel.MIN_MACHINES;
        }
        String bind = c.bindAddress().isBlank() ? "127.0.0.1" : c.bindAddress().strip();
        String path = c.path().strip().replaceAll("^/+|/+$", "");
        Path pki = c.pkiDir().isBlank()
            ? Path.of(System.getProperty("java.io.tmpdir"), "convergence-sim-pki")
            : Path.of(c.pkiDir().strip());
        return new SimulatorSettings(c.port(), bind, path, c.seed(), machines, c.extraPoints(), c.tickMs(), pki,
            UserDirectory.parse(c.users()), c.maxMonitoredItemsPerCall());
    }

    /** Every variable's path, computed on demand: 50,000 sensors need no 50,000 strings. */
    private static List<String> paths(PlantModel model) {
        List<String> machines = model.machines().stream().map(MachineModel::name).toList();
        MachineVariable[] variables = MachineVariable.values();
        int machineVariables = machines.size() * variables.length;
        int sensors = model.sensors().size();
        return new AbstractList<>() {
            @Override
            public String get(int index) {
                if (index < 0 || index >= size()) {
                    throw new IndexOutOfBoundsException(index);
                }
                if (index < machineVariables) {
                    return PlantLayout.variablePath(machines.get(index / variables.length),
                        variables[index % variables.length]);
                }
                return PlantLayout.sensorPath(index - machineVariables, sensors);
            }

            @Override
            public int size() {
                return machineVariables + sensors;
            }
        };
    }
}
