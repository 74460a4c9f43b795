package io.convergence.ui.connections.internal;

import java.io.IOException;
import java.lang.reflect.Array;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.convergence.api.config.ConfigurationService;
import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorState;
import io.convergence.api.event.Event;
import io.convergence.api.event.EventBus;
import io.convergence.ui.common.ServiceBinding;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Where the Connections view's data comes from: the connector services, the connector
 * configurations in ConfigurationAdmin, and the connector types described by MetaType. Created by
 * e4 injection (the services come and go with it); tells {@link #onChange} when something may have
 * changed: a connector came, went or changed state (its connection events), a configuration
 * changed, a bundle came or went. May block (a partner's {@link Connector#state()},
 * ConfigurationAdmin): call it off the UI thread.
 */
public final class ConnectionsSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionsSource.class);

    private final BundleContext context = FrameworkUtil.getBundle(ConnectionsSource.class).getBundleContext();
    private final ServiceBinding<EventBus> events = new ServiceBinding<>(
        b -> b.subscribe(e -> Event.CONNECTION.equals(e.type()), e -> changed()));
    private final SynchronousBundleListener bundles = e -> {
        if (e.getType() == BundleEvent.RESOLVED || e.getType() == BundleEvent.UNRESOLVED || e.getType() == BundleEvent.STARTED) {
            invalidateTypes();
            changed();
        }
    };
    private volatile List<Connector> connectors = List.of();
    private volatile @Nullable ConfigurationAdmin admin;
    private volatile @Nullable ConfigurationService files;
    private volatile @Nullable ServiceComponentRuntime components;
    private volatile @Nullable List<ConnectorType> types;
    private volatile Runnable onChange = () -> { };
    private @Nullable ServiceRegistration<ConfigurationListener> configurations;

    @Inject
    void connectors(@Optional @Service @Nullable List<Connector> all) {
        connectors = all == null ? List.of() : List.copyOf(all);
        changed();
    }

    @Inject
    void admin(@Optional @Service @Nullable ConfigurationAdmin a) {
        admin = a;
        changed();
    }

    @Inject
    void files(@Optional @Service @Nullable ConfigurationService f) {
        files = f;
        invalidateTypes();
        changed();
    }

    @Inject
    void components(@Optional @Service @Nullable ServiceComponentRuntime scr) {
        components = scr;
        changed();
    }

    @Inject
    void events(@Optional @Service @Nullable EventBus b) {
        events.set(b);
    }

    /** SCR changes its service's change count when a component changes state, a failed activation too. */
    private final ServiceListener componentStates = e -> {
        if (e.getType() == ServiceEvent.MODIFIED) {
            changed();
        }
    };

    @PostConstruct
    void open() {
        context.addBundleListener(bundles);
        try {
            context.addServiceListener(componentStates,
                "(" + Constants.OBJECTCLASS + "=" + ServiceComponentRuntime.class.getName() + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        configurations = context.registerService(ConfigurationListener.class, e -> changed(), null);
    }

    /** Told, on any thread, whenever the connections may have changed. */
    public void onChange(Runnable r) {
        onChange = r;
    }

    private void changed() {
        onChange.run();
    }

    public BundleContext context() {
        return context;
    }

    /** The connector types of the installed bundles; empty until the configuration service is there. */
    public List<ConnectorType> types() {
        List<ConnectorType> t = types;
        if (t == null) {
            ConfigurationService config = files;
            if (config == null) {
                return List.of();
            }
            t = ConnectorTypes.find(config);
            // An empty answer may come from bundles still starting: ask again next time.
            types = t.isEmpty() ? null : t;
        }
        return t;
    }

    /** Forgets the connector types, after bundles changed. */
    public void invalidateTypes() {
        types = null;
    }

    public @Nullable ConfigurationService configurationFiles() {
        return files;
    }

    public @Nullable ConfigurationAdmin configurationAdmin() {
        return admin;
    }

    /**
     * Every connector service and its state now. The type is left to the connection's
     * configuration (its factory PID names it): injection hands over services, not their properties.
     */
    public List<RunningConnector> connectors() {
        List<RunningConnector> out = new ArrayList<>();
        int n = 0;
        for (Connector c : connectors) {
            n++;
            String id;
            ConnectorState s;
            try {
                id = c.id();
                s = c.state();
            } catch (RuntimeException e) {
                id = "";
                s = new ConnectorState(ConnectorState.Status.FAILED, "the connector could not say its state: " + e, Instant.now());
            }
            out.add(new RunningConnector(id == null || id.isEmpty() ? "connector " + n : id, "", s));
        }
        return out;
    }

    /** The connector service of an id; {@code null} if none runs. */
    public @Nullable Connector connector(String id) {
        for (Connector c : connectors) {
            try {
                if (id.equals(c.id())) {
                    return c;
                }
            } catch (RuntimeException e) {
                // A connector that cannot say its id is not the one asked for.
            }
        }
        return null;
    }

    /** Every factory configuration of a connector type. */
    public List<ConnectionConfig> configurations() {
        ConfigurationAdmin ca = admin;
        if (ca == null) {
            return List.of();
        }
        List<ConnectionConfig> out = new ArrayList<>();
        for (ConnectorType t : types()) {
            Configuration[] found;
            try {
                found = ca.listConfigurations("(" + ConfigurationAdmin.SERVICE_FACTORYPID + "="
                    + ConnectionFiles.escape(t.factoryPid()) + ")");
            } catch (IOException | InvalidSyntaxException e) {
                LOG.warn("listing the configurations of {}: {}", t.factoryPid(), e.toString());
                continue;
            }
            for (Configuration c : found == null ? new Configuration[0] : found) {
                ConnectionConfig cc = config(t.factoryPid(), c);
                if (cc != null) {
                    out.add(cc);
                }
            }
        }
        return out;
    }

    /** Refreshes the model from the services now. */
    public void refresh(ConnectionsModel model) {
        List<RunningConnector> running = connectors();
        List<ConnectionConfig> configs = configurations();
        Set<String> runningIds = new HashSet<>();
        running.forEach(r -> runningIds.add(r.id()));
        Map<String, ConnectorStart> starts = new HashMap<>();
        Function<ConnectionConfig, ConnectorStart> start = null;
        for (ConnectionConfig c : configs) {
            if (!runningIds.contains(c.id())) {
                if (start == null) {
                    start = ConnectorStart.of(components, files);
                }
                starts.put(c.pid(), start.apply(c));
            }
        }
        model.update(running, configs, c -> starts.getOrDefault(c.pid(), ConnectorStart.UNKNOWN), Instant.now());
    }

    static @Nullable ConnectionConfig config(String factoryPid, Configuration c) {
        Dictionary<String, Object> d = c.getProperties();
        if (d == null) {
            return null;
        }
        Map<String, Object> props = new LinkedHashMap<>();
        String source = null;
        for (Enumeration<String> keys = d.keys(); keys.hasMoreElements();) {
            String k = keys.nextElement();
            Object v = d.get(k);
            if (ConfigurationService.SOURCE_PROPERTY.equals(k)) {
                source = text(v);
            } else if (!k.startsWith("service.") && !k.startsWith("felix.") && v != null) {
                props.put(k, comparable(v));
            }
        }
        String pid = c.getPid();
        String id = text(props.get(ConfigurationService.ID));
        if (id.isEmpty()) {
            int tilde = pid.indexOf('~');
            id = tilde < 0 ? pid : pid.substring(tilde + 1);
        }
        return new ConnectionConfig(factoryPid, pid, id, source, props);
    }

    /** Arrays become lists, so that two reads of the same configuration are equal. */
    private static Object comparable(Object v) {
        if (!v.getClass().isArray()) {
            return v;
        }
        List<Object> l = new ArrayList<>();
        for (int i = 0; i < Array.getLength(v); i++) {
            l.add(Array.get(v, i));
        }
        return Collections.unmodifiableList(l);
    }

    private static String text(@Nullable Object o) {
        return o == null ? "" : o.toString();
    }

    @PreDestroy
    @Override
    public void close() {
        onChange = () -> { };
        context.removeBundleListener(bundles);
        context.removeServiceListener(componentStates);
        events.close();
        ServiceRegistration<ConfigurationListener> r = configurations;
        configurations = null;
        if (r != null) {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
    }
}
