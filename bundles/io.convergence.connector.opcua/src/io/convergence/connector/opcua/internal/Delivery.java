package io.convergence.connector.opcua.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;

import io.convergence.api.bus.SampleBus;
import io.convergence.api.event.Event;
import io.convergence.api.point.Micros;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;

import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.encoding.EncodingContext;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the notifications of one subscription into batches on the bus, and marks what the server
 * could not deliver:
 * <ul>
 * <li><b>Queue overflow</b> (the overflow bit in a value's status): the server dropped values of the
 *     point before this notification. A gap marker goes just before the point's first value in the
 *     notification, the value that carries the bit is stored {@link Quality#UNCERTAIN} (a real value,
 *     but its neighbours are missing), and an event says which points and how to avoid it.
 * <li><b>Lost notifications</b> (a sequence number the server could not republish): every point of
 *     the subscription gets a gap marker after what was known of it.
 * </ul>
 * Milo calls one subscription's listener on one thread at a time, in order.
 */
final class Delivery implements OpcUaSubscription.SubscriptionListener {

    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);
    /** Points named in an overflow event; the rest are counted. */
    private static final int NAMED = 10;
    /** Overflows of a point that overflows at every publish are reported once in this time. */
    private static final long OVERFLOW_EVENT_NANOS = 10_000_000_000L;

    private final String id;
    private final SampleBus bus;
    private final Gaps gaps;
    private final ConnectorEvents events;
    private final Runnable repairRequest;
    private final LongAdder samples;
    /** Reused for every notification; build() copies out and empties it. */
    private final SampleBatch.Builder builder = SampleBatch.builder(1024);
    private volatile List<PointItem> items = List.of();
    /** Local time of the last notification or keep-alive: the server had reported every change until then. */
    private volatile long knownUntilMicros = Micros.now();
    private final Set<String> overflowPending = new TreeSet<>();
    private long overflowEventNanos;
    private boolean overflowReported;

    Delivery(String id, SampleBus bus, Gaps gaps, ConnectorEvents events, Runnable repairRequest, LongAdder samples) {
        this.id = id;
        this.bus = bus;
        this.gaps = gaps;
        this.events = events;
        this.repairRequest = repairRequest;
        this.samples = samples;
    }

    void items(List<PointItem> created) {
        items = List.copyOf(created);
    }

    List<PointItem> items() {
        return items;
    }

    /** Marks a gap for every point of this subscription after what is known of it. */
    int markGap() {
        return gaps.mark(items, knownUntilMicros);
    }

    @Override
    public void onDataReceived(OpcUaSubscription s, List<OpcUaMonitoredItem> changed, List<DataValue> values) {
        int n = changed.size();
        if (n == 0) {
            return;
        }
        long now = Micros.now();
        EncodingContext context = s.getClient().getStaticEncodingContext();
        SampleBatch batch;
        Set<PointItem> overflowed = null;
        // The lock only makes the builder's state visible across the pool threads Milo's queue runs on.
        synchronized (builder) {
            for (int i = 0; i < n; i++) {
                StatusCode sc = values.get(i).getStatusCode();
                if (sc != null && sc.isOverflowSet() && changed.get(i) instanceof PointItem p) {
                    if (overflowed == null) {
                        overflowed = new HashSet<>();
                    }
                    overflowed.add(p);
                }
            }
            Set<PointItem> marked = overflowed == null ? null : new HashSet<>();
            for (int i = 0; i < n; i++) {
                if (!(changed.get(i) instanceof PointItem p)) {
                    continue;
                }
                DataValue v = values.get(i);
                long t = NodeMapper.micros(v);
                if (t == Long.MIN_VALUE) {
                    t = now;
                }
                if (overflowed != null && overflowed.contains(p) && marked.add(p)) {
                    long gap = Math.max(p.lastMicros == Long.MIN_VALUE ? t - 1 : p.lastMicros + 1, t - 1);
                    if (gap < t) {
                        builder.addGap(p.point, gap);
                    }
                }
                StatusCode sc = v.getStatusCode();
                if (sc != null && sc.isOverflowSet() && sc.isGood()) {
                    NodeMapper.add(builder, p.point, v, t, Quality.UNCERTAIN, context);
                } else {
                    NodeMapper.add(builder, p.point, v, t, context);
                }
                p.lastMicros = t;
                p.offsetMicros = t - now;
                p.gapOpen = false;
            }
            batch = builder.build();
        }
        knownUntilMicros = now;
        if (!batch.isEmpty()) {
            gaps.offset(batch.timeMicros(batch.size() - 1) - now);
            bus.publish(batch);
            samples.add(batch.size());
        }
        if (overflowed != null) {
            reportOverflow(s, overflowed);
        }
    }

    @Override
    public void onKeepAliveReceived(OpcUaSubscription s) {
        knownUntilMicros = Micros.now();
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
        int marked = markGap();
        events.publish(ConnectorEvents.DATA_LOST, Event.Severity.WARNING, "the server could not resend notifications "
            + "of subscription " + s.getSubscriptionId().map(Object::toString).orElse("?") + " that were lost on the "
            + "way; " + marked + " of its " + items.size() + " points are marked with a gap",
            Map.of("reason", "notifications-lost", "points", Integer.toString(marked)));
    }

    /** Reports overflowed points at once, and further ones at most once per ten seconds. */
    private void reportOverflow(OpcUaSubscription s, Set<PointItem> overflowed) {
        for (PointItem p : overflowed) {
            overflowPending.add(p.point.toString());
        }
        long now = System.nanoTime();
        if (overflowReported && now - overflowEventNanos < OVERFLOW_EVENT_NANOS) {
            return;
        }
        overflowReported = true;
        overflowEventNanos = now;
        List<String> names = new ArrayList<>(overflowPending).subList(0, Math.min(NAMED, overflowPending.size()));
        int count = overflowPending.size();
        overflowPending.clear();
        events.publish(ConnectorEvents.DATA_LOST, Event.Severity.WARNING, "the server's queue overflowed and it "
            + "dropped values of " + count + " points (" + String.join(", ", names) + (count > NAMED ? ", ..." : "")
            + "); marked with a gap, the value with the overflow flag stored as uncertain. Raise queueSize or "
            + "publish more often (publishingIntervalMs)",
            Map.of("reason", "queue-overflow", "points", Integer.toString(count),
                "subscription", s.getSubscriptionId().map(Object::toString).orElse("?")));
    }
}
