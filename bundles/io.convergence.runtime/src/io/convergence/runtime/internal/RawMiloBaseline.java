package io.convergence.runtime.internal;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;

/**
 * The benchmark's baseline: a bare Milo client that subscribes to the same nodes with the same
 * intervals as the connector and only counts the values it receives.
 */
final class RawMiloBaseline implements AutoCloseable {

    private final OpcUaClient client;
    private final OpcUaSubscription subscription;
    private final LongAdder received = new LongAdder();

    RawMiloBaseline(String endpoint, List<String> nodeIds, double intervalMs, int maxPerCall) throws UaException {
        client = OpcUaClient.create(endpoint);
        client.connect();
        subscription = new OpcUaSubscription(client, intervalMs);
        subscription.setMaxMonitoredItemsPerCall(UInteger.valueOf(maxPerCall));
        subscription.setSubscriptionListener(new OpcUaSubscription.SubscriptionListener() {
            @Override
            public void onDataReceived(OpcUaSubscription s, List<OpcUaMonitoredItem> items, List<DataValue> values) {
                received.add(values.size());
            }
        });
        subscription.create();
        for (String id : nodeIds) {
            OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(NodeId.parse(id));
            item.setSamplingInterval(intervalMs);
            item.setQueueSize(UInteger.valueOf(10));
            subscription.addMonitoredItem(item);
        }
        subscription.synchronizeMonitoredItems();
    }

    long received() {
        return received.sum();
    }

    @Override
    public void close() {
        try {
            subscription.delete();
        } catch (UaException e) {
            // the session goes away below anyway
        }
        try {
            client.disconnect();
        } catch (UaException e) {
            // nothing more to release
        }
    }
}
