package io.convergence.connector.opcua.internal;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.OpcUaDataType;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseResult;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.ViewDescription;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Browse and read requests for many nodes at once, split to the server's OperationLimits
 * (MaxNodesPerBrowse, MaxNodesPerRead) and following continuation points.
 */
final class ServerRequests {

    private static final Logger LOG = LoggerFactory.getLogger(ServerRequests.class);

    /** References asked for per node and Browse call; the rest come through continuation points. */
    static final int REFERENCES_PER_NODE = 100;

    private ServerRequests() {
    }

    /** The forward hierarchical references of each node, of the given node classes, in order. */
    static List<List<ReferenceDescription>> browse(OpcUaClient c, List<NodeId> nodes, int nodeClasses) throws UaException {
        int chunk = Limits.browse(c);
        List<List<ReferenceDescription>> out = new ArrayList<>(nodes.size());
        for (int from = 0; from < nodes.size(); from += chunk) {
            List<NodeId> part = nodes.subList(from, Math.min(nodes.size(), from + chunk));
            List<BrowseDescription> req = new ArrayList<>(part.size());
            for (NodeId n : part) {
                req.add(new BrowseDescription(n, BrowseDirection.Forward, NodeIds.HierarchicalReferences, true,
                    uint(nodeClasses), uint(BrowseResultMask.All.getValue())));
            }
            for (BrowseResult r : browsePage(c, req)) {
                List<ReferenceDescription> refs = new ArrayList<>();
                collect(c, r, refs);
                out.add(refs);
            }
        }
        return out;
    }

    /**
     * The forward hierarchical references of one node.
     *
     * @throws UaException with the server's status if the node cannot be browsed (unknown node, ...)
     */
    static List<ReferenceDescription> browseOne(OpcUaClient c, NodeId node, int nodeClasses) throws UaException {
        BrowseResult r = browsePage(c, List.of(new BrowseDescription(node, BrowseDirection.Forward,
            NodeIds.HierarchicalReferences, true, uint(nodeClasses), uint(BrowseResultMask.All.getValue())))).get(0);
        if (r.getStatusCode() != null && r.getStatusCode().isBad()) {
            throw new UaException(r.getStatusCode(), Statuses.describe(r.getStatusCode()));
        }
        List<ReferenceDescription> refs = new ArrayList<>();
        collect(c, r, refs);
        return refs;
    }

    /**
     * One Browse call that asks for at most {@link #REFERENCES_PER_NODE} references per node, so that
     * a folder of 50,000 variables comes back in pages (continuation points) instead of one response
     * larger than the message size both sides agreed on.
     */
    private static List<BrowseResult> browsePage(OpcUaClient c, List<BrowseDescription> req) throws UaException {
        BrowseResult[] results = c.browse(new ViewDescription(NodeId.NULL_VALUE, DateTime.MIN_VALUE, uint(0)),
            uint(REFERENCES_PER_NODE), req).getResults();
        return results == null ? List.of() : List.of(results);
    }

    /** Reads attributes of many nodes, in order. */
    static List<DataValue> read(OpcUaClient c, List<ReadValueId> req) throws UaException {
        int chunk = Limits.read(c);
        List<DataValue> out = new ArrayList<>(req.size());
        for (int from = 0; from < req.size(); from += chunk) {
            out.addAll(Arrays.asList(c.read(0.0, TimestampsToReturn.Neither,
                req.subList(from, Math.min(req.size(), from + chunk))).getResults()));
        }
        return out;
    }

    /** The built-in type of a variable, read from the server. */
    static @Nullable OpcUaDataType dataTypeOf(OpcUaClient c, NodeId node) throws UaException {
        DataValue v = c.read(0.0, TimestampsToReturn.Neither,
            List.of(new ReadValueId(node, AttributeId.DataType.uid(), null, QualifiedName.NULL_VALUE))).getResults()[0];
        return v.getValue() != null && v.getValue().getValue() instanceof NodeId dt ? NodeMapper.builtin(dt, c) : null;
    }

    private static void collect(OpcUaClient c, BrowseResult r, List<ReferenceDescription> into) throws UaException {
        BrowseResult cur = r;
        while (true) {
            if (cur.getStatusCode() != null && cur.getStatusCode().isBad()) {
                LOG.debug("browse result {}", Statuses.name(cur.getStatusCode()));
                return;
            }
            if (cur.getReferences() != null) {
                into.addAll(Arrays.asList(cur.getReferences()));
            }
            ByteString cp = cur.getContinuationPoint();
            if (cp == null || cp.isNullOrEmpty()) {
                return;
            }
            cur = c.browseNext(false, List.of(cp)).getResults()[0];
        }
    }

    /** Items per request, from the server's OperationLimits, with safe defaults. */
    private static final class Limits {
        private Limits() {
        }

        static int browse(OpcUaClient c) {
            // With REFERENCES_PER_NODE this keeps a response near 10,000 references (about 1 MB).
            return Math.min(limit(c, true, 100), 100);
        }

        static int read(OpcUaClient c) {
            return limit(c, false, 1000);
        }

        private static int limit(OpcUaClient c, boolean browse, int fallback) {
            try {
                var l = c.getOperationLimits();
                Optional<UInteger> v = browse ? l.maxNodesPerBrowse() : l.maxNodesPerRead();
                long n = v.map(UInteger::longValue).orElse(0L);
                return n <= 0 ? fallback : (int) Math.min(n, Integer.MAX_VALUE);
            } catch (UaException | RuntimeException e) {
                return fallback;
            }
        }
    }
}
