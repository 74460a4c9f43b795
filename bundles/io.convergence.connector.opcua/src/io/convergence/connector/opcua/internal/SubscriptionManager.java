package io.convergence.connector.opcua.internal;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

import io.convergence.api.bus.SampleBus;
import io.convergence.api.event.Event;
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
    private final ConnectorEvents events;
    private final Gaps gaps;
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

    SubscriptionManager(ConnectorEvents events, SampleBus bus, Settings settings, Runnable repairRequest) {
        this.id = events.id();
        this.bus = bus;
        this.events = events;
        this.gaps = new Gaps(bus);
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
            Delivery delivery = new Delivery(id, bus, gaps, events, repairRequest, samples);
            sub.setSubscriptionListener(delivery);
            sub.setUserObject(delivery);
            sub.create();
            subscriptions.add(sub);
            int before = good.size();
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
            delivery.items(good.subList(before, good.size()));
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
            // What the server held for the old subscription is gone: mark it (unless the loss of the
            // session marked it already) before values of the new one arrive.
            if (sub.getUserObject().orElse(null) instanceof Delivery d) {
                int marked = d.markGap();
                if (marked > 0) {
                    events.publish(ConnectorEvents.DATA_LOST, Event.Severity.WARNING, "the server lost a subscription "
                        + "of " + d.items().size() + " points; recreated, with a gap marked for " + marked + " points",
                        Map.of("reason", "subscription-recreated", "points", Integer.toString(marked)));
                }
            }
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

    /**
     * Marks a gap for every subscribed point, after what is known of it, on its own time base.
     *
     * @return how many points were marked
     */
    int markGaps() {
        int marked = 0;
        for (OpcUaSubscription sub : subscriptions) {
            if (sub.getUserObject().orElse(null) instanceof Delivery d) {
                marked += d.markGap();
            }
        }
        if (marked > 0) {
            LOG.info("OPC UA connector '{}': marked a gap for {} points", id, marked);
        }
        return marked;
    }

    /** Drops every subscription, deleting it on the server when asked and possible. */
    void clear(boolean deleteOnServer) {
        for (OpcUaSubscription sub : subscriptions) {
            sub.setSubscriptionListener(null);
            sub.setUserObject(null);
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
}
