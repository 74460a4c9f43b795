package io.convergence.connector.opcua.internal;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

import io.convergence.api.bus.SampleBus;
import io.convergence.api.point.SampleBatch;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.MonitoredItemServiceOperationResult;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscriptions and monitored items for the mapped variables. Items are created in calls no larger
 * than the server's MaxMonitoredItemsPerCall. Each data-change notification becomes one
 * {@link SampleBatch} published to the bus; nothing is allocated per value beyond what Milo hands over.
 */
final class SubscriptionManager {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionManager.class);
    /** Items per subscription: several subscriptions are delivered on several threads. */
    static final int ITEMS_PER_SUBSCRIPTION = 5_000;
    /** Used when the server does not say how many items one call may create. */
    static final int DEFAULT_ITEMS_PER_CALL = 1_000;

    private final String id;
    private final SampleBus bus;
    private final Settings settings;
    private final Runnable repairRequest;
    private final List<OpcUaSubscription> subscriptions = new CopyOnWriteArrayList<>();
    private volatile List<PointItem> items = List.of();
    private final LongAdder samples = new LongAdder();

    /** What creating items came to. */
    record Outcome(int created, int failed, int unknownNodes, String firstFailure) {
        String describe() {
            return created + " points subscribed" + (failed == 0 ? "" : ", " + failed + " could not be (" + firstFailure + ")");
        }
    }

    SubscriptionManager(String id, SampleBus bus, Settings settings, Runnable repairRequest) {
        this.id = id;
        this.bus = bus;
        this.settings = settings;
        this.repairRequest = repairRequest;
    }

    /** The points with a live monitored item. */
    int subscribedCount() {
        return items.size();
    }

    long samplesPublished() {
        return samples.sum();
    }

    /** Creates subscriptions and monitored items for the variables (after {@link #clear}). */
    Outcome subscribe(OpcUaClient c, List<VariableInfo> vars) throws UaException {
        int perCall = itemsPerCall(c);
        List<PointItem> good = new ArrayList<>(vars.size());
        int failed = 0;
        int unknown = 0;
        String first = "";
        int calls = 0;
        for (int from = 0; from < vars.size(); from += ITEMS_PER_SUBSCRIPTION) {
            List<VariableInfo> chunk = vars.subList(from, Math.min(vars.size(), from + ITEMS_PER_SUBSCRIPTION));
            OpcUaSubscription sub = new OpcUaSubscription(c, settings.publishingIntervalMs());
            sub.setMaxMonitoredItemsPerCall(uint(perCall));
            sub.setSubscriptionListener(new Delivery());
            sub.create();
            subscriptions.add(sub);
            for (int b = 0; b < chunk.size(); b += perCall) {
                List<OpcUaMonitoredItem> batch = new ArrayList<>(Math.min(perCall, chunk.size() - b));
                for (VariableInfo v : chunk.subList(b, Math.min(chunk.size(), b + perCall))) {
                    batch.add(item(v));
                }
                Set<OpcUaMonitoredItem> inBatch = Collections.newSetFromMap(new IdentityHashMap<>());
                inBatch.addAll(batch);
                sub.addMonitoredItems(batch);
                calls++;
                List<OpcUaMonitoredItem> bad = new ArrayList<>();
                for (MonitoredItemServiceOperationResult r : sub.createMonitoredItems(inBatch::contains)) {
                    if (r.isGood()) {
                        good.add((PointItem) r.monitoredItem());
                    } else {
                        StatusCode sc = r.operationResult().orElse(r.serviceResult());
                        if (sc.getValue() == StatusCodes.Bad_NodeIdUnknown) {
                            unknown++;
                        }
                        if (failed++ == 0) {
                            first = ((PointItem) r.monitoredItem()).point + ": " + Statuses.name(sc);
                        }
                        bad.add(r.monitoredItem());
                    }
                }
                // Failed items would be retried by every later create call; drop them.
                sub.removeMonitoredItems(bad);
            }
        }
        items = List.copyOf(good);
        LOG.info("OPC UA connector '{}': created {} monitored items ({} failed) on {} subscriptions in {} calls of at most {} items",
            id, good.size(), failed, subscriptions.size(), calls, perCall);
        if (failed > 0) {
            LOG.warn("OPC UA connector '{}': {} monitored items could not be created, first {}", id, failed, first);
        }
        return new Outcome(good.size(), failed, unknown, first);
    }

    /**
     * Recreates subscriptions that the server lost (transfer to the new session failed, or they timed
     * out) with all their items; subscriptions that were transferred are left alone.
     *
     * @return the outcome, or {@code null} if every subscription was still there
     */
    Outcome repair(OpcUaClient c) throws UaException {
        int perCall = itemsPerCall(c);
        int created = 0;
        int failed = 0;
        int unknown = 0;
        String first = "";
        boolean any = false;
        for (OpcUaSubscription sub : subscriptions) {
            if (sub.getSyncState() != OpcUaSubscription.SyncState.INITIAL) {
                continue;
            }
            any = true;
            sub.setMaxMonitoredItemsPerCall(uint(perCall));
            sub.create();
            for (MonitoredItemServiceOperationResult r : sub.createMonitoredItems()) {
                if (r.isGood()) {
                    created++;
                } else {
                    StatusCode sc = r.operationResult().orElse(r.serviceResult());
                    unknown += sc.getValue() == StatusCodes.Bad_NodeIdUnknown ? 1 : 0;
                    if (failed++ == 0) {
                        first = ((PointItem) r.monitoredItem()).point + ": " + Statuses.name(sc);
                    }
                }
            }
        }
        if (!any) {
            return null;
        }
        LOG.info("OPC UA connector '{}': recreated {} monitored items ({} failed) in calls of at most {} items",
            id, created, failed, perCall);
        return new Outcome(created, failed, unknown, first);
    }

    /** Marks a gap: one bad sample without value for every subscribed point, at the given time. */
    void publishGap(long micros) {
        List<PointItem> all = items;
        if (all.isEmpty()) {
            return;
        }
        SampleBatch.Builder b = SampleBatch.builder(all.size());
        for (PointItem p : all) {
            b.addGap(p.point, micros);
        }
        bus.publish(b.build());
        LOG.info("OPC UA connector '{}': marked a gap for {} points", id, all.size());
    }

    /** Drops every subscription, deleting it on the server when asked and possible. */
    void clear(boolean deleteOnServer) {
        for (OpcUaSubscription sub : subscriptions) {
            sub.setSubscriptionListener(null);
            try {
                if (deleteOnServer && sub.getSyncState() != OpcUaSubscription.SyncState.INITIAL) {
                    sub.delete();
                }
            } catch (UaException | RuntimeException e) {
                LOG.debug("deleting subscription {}: {}", sub, e.toString());
            } finally {
                sub.reset();
            }
        }
        subscriptions.clear();
        items = List.of();
    }

    private PointItem item(VariableInfo v) {
        PointItem p = new PointItem(v);
        p.setSamplingInterval(settings.samplingIntervalMs());
        p.setQueueSize(uint(settings.queueSize()));
        p.setDiscardOldest(true);
        return p;
    }

    /** The server's MaxMonitoredItemsPerCall, read from its OperationLimits; a safe default if 0 or absent. */
    private int itemsPerCall(OpcUaClient c) {
        long limit = 0;
        try {
            DataValue v = c.readValue(0.0, TimestampsToReturn.Neither,
                NodeIds.Server_ServerCapabilities_OperationLimits_MaxMonitoredItemsPerCall);
            if (v.getValue() != null && v.getValue().getValue() instanceof Number n) {
                limit = n.longValue();
            }
        } catch (UaException | RuntimeException e) {
            LOG.debug("reading MaxMonitoredItemsPerCall: {}", e.toString());
        }
        int perCall = limit <= 0 ? DEFAULT_ITEMS_PER_CALL : (int) Math.min(limit, Integer.MAX_VALUE);
        LOG.info("OPC UA connector '{}': server MaxMonitoredItemsPerCall is {}; creating monitored items in batches of {}",
            id, limit <= 0 ? "not set" : limit, perCall);
        return perCall;
    }

    /** Turns the notifications of one subscription into batches; Milo calls it on one thread at a time. */
    private final class Delivery implements OpcUaSubscription.SubscriptionListener {

        /** Reused for every notification; build() copies out and empties it. */
        private final SampleBatch.Builder builder = SampleBatch.builder(1024);

        @Override
        public void onDataReceived(OpcUaSubscription s, List<OpcUaMonitoredItem> changed, List<DataValue> values) {
            int n = changed.size();
            if (n == 0) {
                return;
            }
            SampleBatch batch;
            // Milo delivers one subscription's notifications in order on its task queue; the lock only
            // makes the builder's state visible across the pool threads that queue runs on.
            synchronized (builder) {
                long now = Long.MIN_VALUE;
                for (int i = 0; i < n; i++) {
                    if (changed.get(i) instanceof PointItem p) {
                        DataValue v = values.get(i);
                        long t = NodeMapper.micros(v);
                        if (t == Long.MIN_VALUE) {
                            if (now == Long.MIN_VALUE) {
                                now = NodeMapper.nowMicros();
                            }
                            t = now;
                        }
                        NodeMapper.add(builder, p.point, v, t);
                    }
                }
                batch = builder.build();
            }
            if (!batch.isEmpty()) {
                bus.publish(batch);
                samples.add(batch.size());
            }
        }

        @Override
        public void onStatusChanged(OpcUaSubscription s, StatusCode status) {
            if (status.getValue() == StatusCodes.Bad_Timeout) {
                LOG.warn("OPC UA connector '{}': subscription {} timed out on the server; recreating it", id,
                    s.getSubscriptionId().orElse(null));
                repairRequest.run();
            }
        }

        @Override
        public void onTransferFailed(OpcUaSubscription s, StatusCode status) {
            LOG.info("OPC UA connector '{}': subscription could not be transferred to the new session ({}); recreating it",
                id, Statuses.name(status));
            repairRequest.run();
        }

        @Override
        public void onNotificationDataLost(OpcUaSubscription s) {
            LOG.warn("OPC UA connector '{}': the server could not republish missed notifications of subscription {}",
                id, s.getSubscriptionId().orElse(null));
        }
    }
}
