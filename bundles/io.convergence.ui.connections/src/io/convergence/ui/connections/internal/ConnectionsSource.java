package io.convergence.ui.connections.internal;

import java.io.IOException;
import java.lang.reflect.Array;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.convergence.api.config.ConfigurationService;
import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorState;

import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the Connections view's data comes from: the connector services, the connector
 * configurations in ConfigurationAdmin, and the connector types described by MetaType. May block
 * (a partner's {@link Connector#state()}, ConfigurationAdmin): call it off the UI thread.
 */
public final class ConnectionsSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionsSource.class);

    private final BundleContext context;
    private final ServiceTracker<Connector, Connector> connectors;
    private final ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> admin;
    private final ServiceTracker<ConfigurationService, ConfigurationService> files;
    private final SynchronousBundleListener bundles = e -> {
        if (e.getType() == BundleEvent.RESOLVED || e.getType() == BundleEvent.UNRESOLVED || e.getType() == BundleEvent.STARTED) {
            invalidateTypes();
        }
    };
    private volatile @Nullable List<ConnectorType> types;

    public ConnectionsSource(BundleContext context) {
        this.context = context;
        connectors = open(new ServiceTracker<>(context, Connector.class, null));
        admin = open(new ServiceTracker<>(context, ConfigurationAdmin.class, null));
        files = open(new ServiceTracker<>(context, ConfigurationService.class, null));
        context.addBundleListener(bundles);
    }

    private static <S> ServiceTracker<S, S> open(ServiceTracker<S, S> t) {
        t.open();
        return t;
    }

    public BundleContext context() {
        return context;
    }

    /** The connector types of the installed bundles; empty until the configuration service is there. */
    public List<ConnectorType> types() {
        List<ConnectorType> t = types;
        if (t == null) {
            ConfigurationService config = files.getService();
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
        return files.getService();
    }

    public @Nullable ConfigurationAdmin configurationAdmin() {
        return admin.getService();
    }

    /** Every connector service and its state now. */
    public List<RunningConnector> connectors() {
        ServiceReference<Connector>[] refs = connectors.getServiceReferences();
        if (refs == null) {
            return List.of();
        }
        List<RunningConnector> out = new ArrayList<>();
        for (ServiceReference<Connector> ref : refs) {
            Connector c = connectors.getService(ref);
            if (c == null) {
                continue;
            }
            String id = text(ref.getProperty(Connector.ID_PROPERTY));
            String type = text(ref.getProperty(Connector.TYPE_PROPERTY));
            ConnectorState s;
            try {
                s = c.state();
                id = id.isEmpty() ? c.id() : id;
            } catch (RuntimeException e) {
                s = new ConnectorState(ConnectorState.Status.FAILED, "the connector could not say its state: " + e, Instant.now());
            }
            out.add(new RunningConnector(id.isEmpty() ? "service " + ref.getProperty(Constants.SERVICE_ID) : id, type, s));
        }
        return out;
    }

    /** The connector service of an id; {@code null} if none runs. */
    public @Nullable Connector connector(String id) {
        ServiceReference<Connector>[] refs = connectors.getServiceReferences();
        for (ServiceReference<Connector> ref : refs == null ? List.<ServiceReference<Connector>>of() : List.of(refs)) {
            if (id.equals(text(ref.getProperty(Connector.ID_PROPERTY)))) {
                return connectors.getService(ref);
            }
        }
        return null;
    }

    /** Every factory configuration of a connector type. */
    public List<ConnectionConfig> configurations() {
        ConfigurationAdmin ca = admin.getService();
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
        model.update(connectors(), configurations(), Instant.now());
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

    @Override
    public void close() {
        context.removeBundleListener(bundles);
        connectors.close();
        admin.close();
        files.close();
    }
}
