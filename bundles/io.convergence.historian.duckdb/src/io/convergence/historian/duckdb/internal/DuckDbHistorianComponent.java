package io.convergence.historian.duckdb.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.convergence.api.event.Event;
import io.convergence.api.event.EventBus;
import io.convergence.api.historian.Historian;
import io.convergence.api.historian.HistorianException;
import io.convergence.historian.duckdb.DuckDbHistorianStore;
import io.convergence.historian.duckdb.StoreOptions;

import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded historian of a runtime: opens the configured data folder and registers it as the
 * {@link Historian} service, with the folder's absolute path in
 * {@value DuckDbHistorianStore#DATA_DIR_PROPERTY}.
 *
 * <p>The component registers the service itself, once the database is open, rather than letting DS
 * register it beforehand: so the service exists only while a database is open, and carries the
 * resolved path, which DS cannot compute into service properties. A folder that cannot be opened
 * fails the activation with a message that names it.
 */
@Component(configurationPid = DuckDbHistorianComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
    service = {}, immediate = true)
@Designate(ocd = DuckDbHistorianComponent.Config.class)
public final class DuckDbHistorianComponent {

    /** The configuration PID. */
    public static final String PID = "io.convergence.historian.duckdb";

    /** How often retention runs after the run at start. */
    static final Duration RETENTION_PERIOD = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(DuckDbHistorianComponent.class);

    @ObjectClassDefinition(name = "Embedded historian", description = "Stores samples in a DuckDB database"
        + " in a data folder of this machine.")
    public @interface Config {
        @AttributeDefinition(name = "Data folder", description = "Folder holding historian.duckdb; created if"
            + " missing. A relative path is taken from the runtime's working folder.")
        String dataDir();

        @AttributeDefinition(name = "Retention (days)", description = "Samples older than this are deleted at"
            + " start and every hour; 0 keeps them forever.", min = "0")
        int retentionDays() default 0;

        @AttributeDefinition(name = "Memory limit (MB)", description = "The most memory the database may use.",
            min = "16")
        int memoryLimitMb() default 512;

        @AttributeDefinition(name = "Threads", description = "Threads the database may use for one query.",
            min = "1")
        int threads() default 2;

        @AttributeDefinition(name = "Read-only", description = "Open an existing database without writing"
            + " anything, for reading history (the folder must hold one, and no other process may be writing"
            + " it); appends and retention are refused.")
        boolean readOnly() default false;
    }

    private final DuckDbHistorianStore store;
    private final ServiceRegistration<Historian> registration;
    private final @Nullable ScheduledExecutorService retention;

    /** Where rejects and interruptions are reported; the historian works without it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile @Nullable EventBus events;

    @Activate
    public DuckDbHistorianComponent(BundleContext context, Config config) throws HistorianException {
        String dir = config.dataDir();
        if (dir == null || dir.isBlank()) {
            throw new HistorianException("configuration " + PID + ": dataDir is required (the folder that holds "
                + DuckDbHistorianStore.DATABASE_FILE + ")");
        }
        if (config.retentionDays() < 0) {
            throw new HistorianException("configuration " + PID + ": retentionDays " + config.retentionDays()
                + " is negative; 0 keeps samples forever");
        }
        StoreOptions options;
        try {
            options = new StoreOptions(config.readOnly(), config.memoryLimitMb(), config.threads());
        } catch (IllegalArgumentException e) {
            throw new HistorianException("configuration " + PID + ": " + e.getMessage(), e);
        }
        long start = System.nanoTime();
        DuckDbHistorianStore opened = DuckDbHistorianStore.open(Path.of(dir), options);
        try {
            LOG.info("historian opened {} in {} ms ({} samples)", opened.dataDir(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), opened.size());
            String where = opened.dataDir().toString();
            RejectReporter rejects = new RejectReporter(where, this::publish);
            opened.onRejects(rejects::report);

            Dictionary<String, Object> props = new Hashtable<>();
            props.put(DuckDbHistorianStore.DATA_DIR_PROPERTY, opened.dataDir().toString());
            props.put("service.description", "Embedded historian (DuckDB) in " + opened.dataDir());
            store = opened;
            registration = context.registerService(Historian.class, opened, props);
            retention = config.retentionDays() > 0 && !config.readOnly() ? startRetention(Duration.ofDays(config.retentionDays())) : null;
        } catch (HistorianException | RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    private ScheduledExecutorService startRetention(Duration keep) {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "historian-retention");
            t.setDaemon(true);
            return t;
        });
        s.scheduleWithFixedDelay(() -> deleteOld(keep), 0, RETENTION_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        return s;
    }

    private void deleteOld(Duration keep) {
        Instant cutoff = Instant.now().minus(keep);
        try {
            long start = System.nanoTime();
            long n = store.deleteOlderThan(cutoff);
            if (n > 0) {
                LOG.info("historian retention deleted {} samples older than {} in {} ms", n, cutoff,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
        } catch (HistorianException | RuntimeException e) {
            LOG.error("historian retention failed: {}", e.getMessage(), e);
        }
    }

    /** After the references are bound: reports what the open found. */
    @Activate
    void activated() {
        int points = store.interruptedPoints();
        if (points > 0) {
            String where = store.dataDir().toString();
            publish(new Event(Instant.now(), "historian", "historian.interrupted", Event.Severity.WARNING,
                "the historian in " + where + " was not closed by the process that wrote it last (killed, or a power"
                    + " cut): a gap is marked after the last sample of " + points + " points",
                Map.of("historian", where, "points", Integer.toString(points))));
        }
    }

    private void publish(Event e) {
        EventBus bus = events;
        if (bus != null) {
            bus.publish(e);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        // Announced before the service goes, so that whoever saw it go may open the folder at once (and
        // waits for the close), while the users of the service flush their last samples into it.
        Database.closing(store.dataDir());
        registration.unregister();
        ScheduledExecutorService r = retention;
        if (r != null) {
            r.shutdownNow();
        }
        // Waits for a retention slice or an append under way; retention stops between slices.
        store.close();
        if (r != null) {
            r.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
