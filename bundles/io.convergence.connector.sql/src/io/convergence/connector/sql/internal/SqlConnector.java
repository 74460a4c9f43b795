package io.convergence.connector.sql.internal;

import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

import io.convergence.api.bus.SampleBus;
import io.convergence.api.business.BusinessData;
import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorProblem;
import io.convergence.api.connector.ConnectorState;
import io.convergence.api.connector.ConnectorState.Status;
import io.convergence.api.connector.ConnectorSupport;
import io.convergence.api.event.EventBus;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointRegistry;

import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * A SQL connector: one per factory configuration. Polls its queries on a thread of its own
 * ({@link Poller}); publishes the point queries' rows as samples, and serves the record queries'
 * rows as a {@link BusinessData} service (property {@value BusinessData#SOURCE_PROPERTY}) once
 * every configured kind has been read.
 *
 * <p>JDBC drivers come as OSGi {@link DataSourceFactory} services, bound dynamically: a driver
 * installed later is used at the next attempt. The component registers its services itself, as
 * their properties come from the configuration.
 */
@Component(service = {}, configurationPid = SqlConnector.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SqlConfig.class, factory = true)
public final class SqlConnector implements Connector {

    static final String FACTORY_PID = "io.convergence.connector.sql";
    static final String TYPE = "sql";

    @Reference
    private SampleBus bus;
    @Reference
    private PointRegistry registry;
    @Reference
    private EventBus events;

    private final Drivers drivers = new Drivers();
    private final Object lock = new Object();
    private @Nullable ConnectorSupport support;
    private @Nullable Poller poller;
    private @Nullable ExecutorService notifier;
    private @Nullable ServiceRegistration<BusinessData> businessData;
    private boolean stopped;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDriver(DataSourceFactory factory, Map<String, Object> properties) {
        drivers.add(factory, properties);
    }

    void removeDriver(DataSourceFactory factory) {
        drivers.remove(factory);
    }

    @Activate
    void activate(BundleContext context, SqlConfig config, Map<String, Object> properties) {
        String fallbackId = "sql-" + properties.getOrDefault(Constants.SERVICE_PID, "unnamed");
        String id = config.id() == null || config.id().isBlank() ? fallbackId : config.id().strip();
        String url = config.url() == null ? "" : SqlSettings.redact(config.url());
        ConnectorSupport sup = new ConnectorSupport(id, TYPE, events, registry, Map.of("url", url));
        this.support = sup;
        SqlSettings s;
        try {
            s = SqlSettings.from(config, fallbackId);
        } catch (SqlSettings.Invalid e) {
            sup.register(context, this);
            sup.fail(ConnectorProblem.of(ConnectorProblem.CONFIGURATION, "invalid configuration: " + e.getMessage()));
            return;
        }
        ExecutorService n = Executors.newSingleThreadExecutor(threads("convergence-sql-" + id + "-listeners"));
        this.notifier = n;
        RecordStore store = new RecordStore(s.source(), n);
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(threads("convergence-sql-" + id));
        Poller p = new Poller(s, sup, bus, drivers, store, thread, () -> offer(context, s, store));
        this.poller = p;
        sup.register(context, this);
        sup.state(Status.CONNECTING, "connecting to " + s.safeUrl());
        p.start();
    }

    /** Registers the records as a service, unless the connector is stopping. On the poll thread. */
    private void offer(BundleContext context, SqlSettings s, RecordStore store) {
        synchronized (lock) {
            if (stopped) {
                return;
            }
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(BusinessData.SOURCE_PROPERTY, s.source());
            props.put(ID_PROPERTY, s.id());
            props.put(Constants.SERVICE_DESCRIPTION, "business data of " + s.source() + " from " + s.safeUrl());
            businessData = context.registerService(BusinessData.class, store, props);
        }
    }

    @Deactivate
    void deactivate() {
        ServiceRegistration<BusinessData> r;
        synchronized (lock) {
            stopped = true;
            r = businessData;
            businessData = null;
        }
        if (r != null) {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
        if (poller != null) {
            poller.stop();
        }
        if (notifier != null) {
            notifier.shutdown();
        }
        if (support != null) {
            support.close();
        }
    }

    @Override
    public String id() {
        return support().id();
    }

    @Override
    public ConnectorState state() {
        return support().state();
    }

    @Override
    public List<PointInfo> points() {
        return support().points();
    }

    private ConnectorSupport support() {
        ConnectorSupport s = support;
        if (s == null) {
            throw new IllegalStateException("the SQL connector is not active");
        }
        return s;
    }

    private static ThreadFactory threads(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
