package io.convergence.ui.workbench.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.convergence.api.config.ConfigException;
import io.convergence.api.config.ConfigurationService;
import io.convergence.api.event.Event;
import io.convergence.api.event.EventBus;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.PointRegistry;
import io.convergence.demo.Demo;
import io.convergence.demo.Presets;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the workspace's plant up when the workbench starts, in a background job: the demo
 * ({@link Demo}: the simulated plant, recorded) for {@code convergence demo}, otherwise the
 * historian in the workspace; then every configuration file in the workspace's {@code config}
 * folder. Services come by injection; the job waits for the ones it needs.
 */
public final class WorkspaceSetup {

    /** System property: the workspace folder. */
    public static final String WORKSPACE = "convergence.workspace";
    /** System property: {@code true} to start on the simulated plant. */
    public static final String DEMO = "convergence.demo";

    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceSetup.class);
    private static final long WAIT_SECONDS = 30;

    private final CompletableFuture<ConfigurationService> config = new CompletableFuture<>();
    private final CompletableFuture<Demo> demo = new CompletableFuture<>();
    private volatile @Nullable EventBus events;
    private volatile @Nullable PointRegistry registry;

    @Inject
    private MApplication app;
    @Inject
    private UISynchronize ui;

    @Inject
    void config(@Optional @Service @Nullable ConfigurationService c) {
        if (c != null) {
            config.complete(c);
        }
    }

    @Inject
    void demo(@Optional @Service @Nullable Demo d) {
        if (d != null) {
            demo.complete(d);
        }
    }

    @Inject
    void events(@Optional @Service @Nullable EventBus e) {
        events = e;
    }

    @Inject
    void registry(@Optional @Service @Nullable PointRegistry r) {
        registry = r;
    }

    @PostConstruct
    public void start() {
        Job job = Job.create("Starting the plant connections", this::run);
        job.setSystem(false);
        job.schedule();
    }

    private IStatus run(IProgressMonitor monitor) {
        try {
            ConfigurationService cf = config.get(WAIT_SECONDS, TimeUnit.SECONDS);
            Path workspace = workspace();
            if (Boolean.getBoolean(DEMO)) {
                Demo d = demo.get(WAIT_SECONDS, TimeUnit.SECONDS);
                Path data = Path.of(System.getProperty("convergence.home", System.getProperty("user.home") + "/.convergence"), "demo");
                d.start("workbench", Demo.Settings.of(data, Integer.getInteger("convergence.demo.port", 4840)));
                List<PointPath> live = d.livePoints();
                List<PointPath> trend = d.trendPoints();
                Job.create("Showing the demo's points", m -> {
                    try {
                        DemoStarter.populateOnce(registry, workspace, app, ui, live, trend);
                        return Status.OK_STATUS;
                    } catch (IOException e) {
                        return Status.error(e.getMessage(), e);
                    }
                }).schedule();
            } else {
                cf.apply("workbench:historian", Presets.historian(workspace.resolve("data")));
            }
            // Connections the user made in this workspace (the Connections view writes them here).
            Path dir = workspace.resolve("config");
            if (Files.isDirectory(dir)) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
                    for (Path f : ds) {
                        try {
                            cf.apply(f);
                        } catch (ConfigException e) {
                            // One bad file must not keep the others from starting.
                            LOG.error("{}", e.getMessage());
                            report(e.getMessage());
                        }
                    }
                }
            }
            return Status.OK_STATUS;
        } catch (TimeoutException e) {
            String what = config.isDone() ? "The demo service" : "The configuration service";
            return Status.error(what + " did not start within " + WAIT_SECONDS + " s; no connection was opened.");
        } catch (ConfigException | IOException e) {
            LOG.error("workspace setup failed: {}", e.getMessage());
            report(e.getMessage());
            return Status.error(e.getMessage(), e);
        } catch (ExecutionException e) {
            return Status.error(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Status.CANCEL_STATUS;
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

    private void report(String message) {
        EventBus bus = events;
        if (bus != null) {
            bus.publish(Event.now("workbench", Event.SYSTEM, Event.Severity.ERROR, message, Map.of()));
        }
    }
}
