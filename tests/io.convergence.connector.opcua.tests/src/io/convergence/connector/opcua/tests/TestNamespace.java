package io.convergence.connector.opcua.tests;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.core.ValueRanks;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilter;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilterContext;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/**
 * One namespace of the {@link TestServer}. Values are pushed: {@link #set} stores a value and hands
 * it to every monitored item of the node at once, so a test decides exactly which values a
 * subscription sees (and can overflow a server queue on purpose). Client writes are stored and
 * pushed the same way.
 */
final class TestNamespace extends ManagedNamespaceWithLifecycle {

    private final Duration clockOffset;
    private final Map<NodeId, List<DataItem>> items = new ConcurrentHashMap<>();

    TestNamespace(OpcUaServer server, String uri, Duration clockOffset) {
        super(server, uri);
        this.clockOffset = clockOffset;
    }

    /** A folder under Objects, or under another folder. */
    UaFolderNode folder(UaFolderNode parent, String browseName, String id) {
        UaFolderNode f = new UaFolderNode(getNodeContext(), newNodeId(id), newQualifiedName(browseName),
            LocalizedText.english(browseName));
        getNodeManager().addNode(f);
        if (parent == null) {
            f.addReference(new Reference(f.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(), false));
        } else {
            parent.addOrganizes(f);
        }
        return f;
    }

    /** A writable variable of the given data type in a folder. */
    UaVariableNode variable(UaFolderNode parent, String browseName, String id, NodeId dataType, Object initial) {
        DataValue now = value(initial);
        UaVariableNode v = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
            .setNodeId(newNodeId(id))
            .setBrowseName(newQualifiedName(browseName))
            .setDisplayName(LocalizedText.english(browseName))
            .setDataType(dataType)
            .setValueRank(ValueRanks.Scalar)
            .setAccessLevel(AccessLevel.READ_WRITE)
            .setUserAccessLevel(AccessLevel.READ_WRITE)
            .setMinimumSamplingInterval(0.0)
            .setTypeDefinition(NodeIds.BaseDataVariableType)
            .setValue(now)
            .addAttributeFilter(new Writes())
            .build();
        getNodeManager().addNode(v);
        parent.addOrganizes(v);
        return v;
    }

    /** A writable one-dimensional array variable of the given element type in a folder. */
    UaVariableNode arrayVariable(UaFolderNode parent, String browseName, String id, NodeId dataType, Object initial) {
        UaVariableNode v = variable(parent, browseName, id, dataType, initial);
        v.setValueRank(ValueRanks.OneDimension);
        v.setArrayDimensions(new org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger[] {
            org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint(0)});
        return v;
    }

    /** The server's encoding context, to encode structures as the server sends them. */
    org.eclipse.milo.opcua.stack.core.encoding.EncodingContext encoding() {
        return getServer().getStaticEncodingContext();
    }

    /** The node of an identifier in this namespace. */
    NodeId id(String id) {
        return newNodeId(id);
    }

    /** Sets a value now (on the server's clock) and pushes it to every subscriber of the node. */
    void set(String id, Object value) {
        store(newNodeId(id), value(value));
    }

    /** The node's value as stored. */
    Object get(String id) {
        UaNode n = getNodeManager().get(newNodeId(id));
        return ((UaVariableNode) n).getValue().getValue().getValue();
    }

    private void store(NodeId node, DataValue v) {
        if (getNodeManager().get(node) instanceof UaVariableNode var) {
            var.setValue(v);
        }
    }

    private DataValue value(Object v) {
        DateTime t = new DateTime(TestServer.now(clockOffset));
        return new DataValue(new Variant(v), StatusCode.GOOD, t, t);
    }

    @Override
    public void onDataItemsCreated(List<DataItem> created) {
        for (DataItem item : created) {
            NodeId node = item.getReadValueId().getNodeId();
            items.computeIfAbsent(node, k -> new CopyOnWriteArrayList<>()).add(item);
            if (item.getReadValueId().getAttributeId().intValue() == AttributeId.Value.id()
                && getNodeManager().get(node) instanceof UaVariableNode v) {
                item.setValue(v.getValue());
            }
        }
    }

    @Override
    public void onDataItemsModified(List<DataItem> modified) {
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> deleted) {
        for (DataItem item : deleted) {
            List<DataItem> list = items.get(item.getReadValueId().getNodeId());
            if (list != null) {
                list.remove(item);
            }
        }
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> changed) {
    }

    /**
     * Every value set, by the test or by a client, goes to the monitored items of the node; a client's
     * value gets a status and timestamps (Milo cannot encode a value without status later).
     */
    private final class Writes implements AttributeFilter {
        @Override
        public void setAttribute(AttributeFilterContext ctx, AttributeId attributeId, Object value) {
            if (attributeId == AttributeId.Value && value instanceof DataValue dv) {
                DataValue clean = dv.getStatusCode() != null && dv.getSourceTime() != null ? dv
                    : value(dv.getValue().getValue());
                ctx.setAttribute(attributeId, clean);
                for (DataItem item : items.getOrDefault(ctx.getNode().getNodeId(), List.of())) {
                    item.setValue(clean);
                }
            } else {
                ctx.setAttribute(attributeId, value);
            }
        }
    }
}
