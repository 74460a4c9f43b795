package io.convergence.connector.opcua.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

import io.convergence.api.bus.SampleBus;
import io.convergence.api.connector.BrowseNode;
import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorException;
import io.convergence.api.connector.ConnectorProblem;
import io.convergence.api.connector.ConnectorState;
import io.convergence.api.connector.ConnectorSupport;
import io.convergence.api.event.EventBus;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.PointRegistry;
import io.convergence.api.point.Sample;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * An OPC UA connector: one per factory configuration. Delegates the connection to a
 * {@link ConnectionManager}, browsing to an {@link AddressSpaceBrowser}, subscriptions to a
 * {@link SubscriptionManager} and read/write/call to {@link NodeOperations}.
 *
 * <p>State, events, point announcements and the service registration go through
 * {@link ConnectorSupport}: the service property {@value Connector#ID_PROPERTY} carries the
 * configured {@code id}, which DS cannot copy into a property of another name.
 */
@Component(service = {}, configurationPid = OpcUaConnector.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = OpcUaConfig.class, factory = true)
public final class OpcUaConnector implements Connector {

    static final String FACTORY_PID = "io.convergence.connector.opcua";
    static final String TYPE = "opcua";

    private final String id;
    private final ConnectorSupport support;
    private final @Nullable Threads threads;
    private final @Nullable AddressSpaceBrowser browser;
    private final @Nullable ConnectionManager connection;
    private final @Nullable NodeOperations operations;

    @Activate
    public OpcUaConnector(BundleContext context, OpcUaConfig config, Map<String, Object> properties,
                          @Reference SampleBus bus, @Reference PointRegistry registry, @Reference EventBus events) {
        this.id = Settings.idOf(config, "opcua-" + properties.getOrDefault(Constants.SERVICE_PID, "unnamed"));
        Settings s = null;
        String invalid = null;
        try {
            s = Settings.from(config);
        } catch (Settings.Invalid e) {
            invalid = e.getMessage();
        }
        this.support = new ConnectorSupport(id, TYPE, events, registry,
            Map.of("endpoint", config.endpoint() == null ? "" : config.endpoint()));
        if (s == null) {
            threads = null;
            browser = null;
            connection = null;
            operations = null;
            support.fail(ConnectorProblem.of(ConnectorProblem.CONFIGURATION, "invalid configuration: " + invalid));
        } else {
            threads = new Threads(id);
            ConnectorEvents own = new ConnectorEvents(id, events);
            browser = new AddressSpaceBrowser(s.pathPrefix(), s.browseRoot(), own);
            SubscriptionManager subscriptions = new SubscriptionManager(own, bus, s, this::repairSubscriptions);
            connection = new ConnectionManager(s, support, new Lifecycle(s, browser, subscriptions), threads);
            operations = new NodeOperations(id, connection, browser);
        }
        support.register(context, this);
        if (connection != null) {
            connection.start();
        }
    }

    @Deactivate
    void deactivate() {
        if (connection != null) {
            connection.stop();
        }
        support.close();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ConnectorState state() {
        return support.state();
    }

    @Override
    public List<PointInfo> points() {
        if (browser == null) {
            return List.of();
        }
        List<PointInfo> out = new ArrayList<>();
        for (VariableInfo v : browser.variables().values()) {
            out.add(v.toPointInfo(id));
        }
        out.sort(Comparator.comparing(PointInfo::path));
        return out;
    }

    @Override
    public CompletableFuture<List<BrowseNode>> browse(@Nullable String nodeId) {
        return async("browse of " + (nodeId == null ? "the root" : nodeId), () -> {
            OpcUaClient c = connection().liveClient();
            NodeId node = nodeId == null ? browser.root() : NodeId.parseSafe(nodeId.strip())
                .orElseThrow(() -> new ConnectorException("'" + nodeId + "' is not a NodeId, expected e.g. ns=2;s=Line1"));
            int before = browser.variables().size();
            List<BrowseNode> nodes = browser.browse(c, node);
            if (browser.variables().size() != before) {
                support.announce(points());
            }
            return nodes;
        });
    }

    @Override
    public CompletableFuture<Sample> read(PointPath point) {
        return async("read of " + point, () -> operations().read(point));
    }

    @Override
    public CompletableFuture<Void> write(PointPath point, Object value) {
        return async("write to " + point, () -> {
            operations().write(point, value);
            return null;
        });
    }

    @Override
    public CompletableFuture<List<Object>> call(String objectId, String methodId, List<Object> arguments) {
        return async("call of " + methodId, () -> operations().call(objectId, methodId, arguments));
    }

    @Override
    public CompletableFuture<Void> act(String actionId) {
        if (!ConnectorProblem.TRUST_CERTIFICATE.equals(actionId)) {
            return CompletableFuture.failedFuture(new ConnectorException("OPC UA connector '" + id
                + "' offers no action '" + actionId + "'; it offers " + ConnectorProblem.TRUST_CERTIFICATE
                + " when the server's certificate is not trusted"));
        }
        ConnectionManager c = connection;
        if (c == null) {
            return CompletableFuture.failedFuture(new ConnectorException("OPC UA connector '" + id
                + "' is not running: " + support.state().detail()));
        }
        return c.trustRejectedCertificate().thenApply(file -> null);
    }

    /** Milo reported subscriptions the server no longer has (called on a Milo thread). */
    private void repairSubscriptions() {
        ConnectionManager c = connection;
        if (c != null) {
            c.requestRepair();
        }
    }

    private ConnectionManager connection() throws ConnectorException {
        if (connection == null) {
            throw new ConnectorException("OPC UA connector '" + id + "' is not running: " + support.state().detail());
        }
        return connection;
    }

    private NodeOperations operations() throws ConnectorException {
        connection();
        return operations;
    }

    /** Runs a request on the connector's own threads; failures carry a ConnectorException. */
    private <T> CompletableFuture<T> async(String what, Callable<T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        if (threads == null) {
            f.completeExceptionally(new ConnectorException("OPC UA connector '" + id + "' is not running: "
                + support.state().detail()));
            return f;
        }
        try {
            threads.operations.execute(() -> {
                try {
                    f.complete(task.call());
                } catch (ConnectorException e) {
                    f.completeExceptionally(e);
                } catch (Exception | Error e) {
                    f.completeExceptionally(new ConnectorException("OPC UA connector '" + id + "': " + what + " failed: "
                        + ConnectionManager.reason(e), e));
                }
            });
        } catch (RejectedExecutionException e) {
            f.completeExceptionally(new ConnectorException("OPC UA connector '" + id + "' is stopped"));
        }
        return f;
    }

    /** What happens with each session: browse and subscribe, mark gaps, repair. */
    private final class Lifecycle implements ConnectionManager.Session {
        private final Settings s;
        private final AddressSpaceBrowser browser;
        private final SubscriptionManager subs;

        Lifecycle(Settings s, AddressSpaceBrowser browser, SubscriptionManager subs) {
            this.s = s;
            this.browser = browser;
            this.subs = subs;
        }

        @Override
        public String established(OpcUaClient client) throws Exception {
            subs.clear(false);
            browser.reset();
            if (!s.subscribeAll()) {
                support.announce(List.of());
                return "subscribeAll is off: points are mapped as they are browsed";
            }
            return subscribeAll(client);
        }

        private String subscribeAll(OpcUaClient client) throws Exception {
            List<VariableInfo> vars = browser.walk(client);
            support.announce(points());
            if (vars.isEmpty()) {
                return "no variables below " + s.browseRoot().toParseableString() + "; check browseRoot";
            }
            SubscriptionManager.Outcome o = subs.subscribe(client, vars);
            return vars.size() + " variables below " + s.browseRoot().toParseableString() + ", " + o.describe();
        }

        @Override
        public void lost() {
            subs.markGaps();
        }

        @Override
        public String restored(OpcUaClient client, boolean reconnected) throws Exception {
            SubscriptionManager.Outcome o = subs.repair(client);
            if (o == null) {
                return reconnected ? "subscriptions carried over to the new session" : "";
            }
            if (o.unknownNodes() > 0) {
                // The server came back with other nodes: map it afresh.
                subs.clear(true);
                browser.reset();
                return "the address space changed at " + Instant.now() + "; " + subscribeAll(client);
            }
            return "subscriptions recreated: " + o.describe();
        }

        @Override
        public void closing(boolean graceful) {
            if (graceful) {
                // The connector stops: its points end here.
                subs.markGaps();
            }
            subs.clear(graceful);
        }
    }
}
