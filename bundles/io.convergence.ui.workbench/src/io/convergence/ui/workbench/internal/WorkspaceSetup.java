package io.convergence.ui.workbench.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import io.convergence.api.config.ConfigException;
import io.convergence.api.config.ConfigurationService;
import io.convergence.api.event.Event;
import io.convergence.api.event.EventBus;
import io.convergence.core.config.Presets;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the workspace's plant up when the workbench starts, in a background job: the simulated
 * plant and ERP with their connectors and the demo historian for {@code convergence demo}, otherwise the historian in the
 * workspace; then every configuration file in the workspace's {@code config} folder.
 */
public final class WorkspaceSetup {

    /** System property: the workspace folder. */
    public static final String WORKSPACE = "convergence.workspace";
    /** System property: {@code true} to start on the simulated plant. */
    public static final String DEMO = "convergence.demo";

    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceSetup.class);

    @Inject
    private MApplication app;
    @Inject
    private UISynchronize ui;

    @PostConstruct
    public void start() {
        Job job = Job.create("Starting the plant connections", this::run);
        job.setSystem(false);
        job.schedule();
    }

    private IStatus run(IProgressMonitor monitor) {
        BundleContext ctx = FrameworkUtil.getBundle(WorkspaceSetup.class).getBundleContext();
        ServiceTracker<ConfigurationService, ConfigurationService> files = new ServiceTracker<>(ctx, ConfigurationService.class, null);
        files.open();
        try {
            ConfigurationService cf = files.waitForService(30_000);
            if (cf == null) {
                return Status.error("The configuration service did not start; no connection was opened.");
            }
            Path workspace = workspace();
            if (Boolean.getBoolean(DEMO)) {
                Path data = Path.of(System.getProperty("convergence.home", System.getProperty("user.home") + "/.convergence"), "demo");
                int port = Integer.getInteger("convergence.demo.port", 4840);
                int erpPort = Integer.getInteger("convergence.demo.erpPort", freePort());
                byte[] secret = new byte[12];
                new java.security.SecureRandom().nextBytes(secret);
                String erpPassword = java.util.HexFormat.of().formatHex(secret);
                cf.apply("workbench:historian", Presets.historian(data));
                // The ERP first: the line follows its plan from its first tick.
                cf.apply("workbench:erp", Presets.erp(erpPort, 42, erpPassword));
                cf.apply("workbench:plant", Presets.simulator(port, 0, 42, data.resolve("sim-pki")));
                cf.apply("workbench:connector", Presets.opcua("plant", Presets.simulatorEndpoint(port), data.resolve("pki"), Map.of()));
                cf.apply("workbench:erp-connector", Presets.sqlErp("erp", Presets.erpUrl(erpPort), Presets.ERP_USER, erpPassword));
                Job.create("Showing the demo's points", m -> {
                    try {
                        DemoStarter.populateOnce(ctx, workspace, app, ui);
                        return Status.OK_STATUS;
                    } catch (IOException e) {
                        return Status.error(e.getMessage(), e);
                    }
                }).schedule();
            } else {
                cf.apply("workbench:historian", Presets.historian(workspace.resolve("data")));
            }
            // Connections the user made in this workspace (the Connections view writes them here).
            Path config = workspace.resolve("config");
            if (Files.isDirectory(config)) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(config, "*.json")) {
                    for (Path f : ds) {
                        try {
                            cf.apply(f);
                        } catch (ConfigException e) {
                            // One bad file must not keep the others from starting.
                            LOG.error("{}", e.getMessage());
                            report(ctx, e.getMessage());
                        }
                    }
                }
            }
            return Status.OK_STATUS;
        } catch (ConfigException | IOException e) {
            LOG.error("workspace setup failed: {}", e.getMessage());
            report(ctx, e.getMessage());
            return Status.error(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Status.CANCEL_STATUS;
        } finally {
            files.close();
        }
    }

    /** A TCP port free on loopback now. */
    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static Path workspace() {
        return Path.of(System.getProperty(WORKSPACE, System.getProperty("user.home") + "/.convergence/workspace"));
    }

    private static void report(BundleContext ctx, String message) {
        ServiceTracker<EventBus, EventBus> events = new ServiceTracker<>(ctx, EventBus.class, null);
        events.open();
        try {
            EventBus bus = events.getService();
            if (bus != null) {
                bus.publish(new Event(Instant.now(), "workbench", Event.Kind.SYSTEM, Event.Severity.ERROR, message, Map.of()));
            }
        } finally {
            events.close();
        }
    }
}
