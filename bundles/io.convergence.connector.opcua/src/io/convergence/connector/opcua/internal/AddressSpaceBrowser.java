package io.convergence.connector.opcua.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.convergence.api.connector.BrowseNode;
import io.convergence.api.event.Event;
import io.convergence.api.point.PointPath;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Browses the server: lazily, one node's children at a time for the user, or the whole space below
 * the browse root for subscribe-all. Browse and read requests are batched to the server's operation
 * limits. Properties (HasProperty) are not points; a variable's EngineeringUnits property gives its
 * unit. Variables get their point paths from {@link PointNames}, so that paths are valid and unique
 * whatever the server's names; every variable mapped is remembered, so that a point always leads
 * back to the node it was mapped from.
 */
final class AddressSpaceBrowser {

    private static final Logger LOG = LoggerFactory.getLogger(AddressSpaceBrowser.class);
    private static final int OBJECTS_AND_VARIABLES = NodeClass.Object.getValue() | NodeClass.Variable.getValue();
    private static final int BROWSABLE = OBJECTS_AND_VARIABLES | NodeClass.Method.getValue();
    private static final int MAX_NODES = 500_000;
    /** Renamed points listed by name in one event; the rest are counted. */
    private static final int NAMED_IN_EVENT = 20;

    private final PointNames names;
    private final NodeId root;
    private final ConnectorEvents events;
    /** Below the Objects folder the standard nodes (namespace 0: Server, Aliases, ...) are not plant data. */
    private final boolean skipStandardNodes;
    private final Map<NodeId, Node> seen = new ConcurrentHashMap<>();
    private final Map<PointPath, VariableInfo> variables = new ConcurrentHashMap<>();

    /** A node below the root: the names on the way to it as the server gives them, and cleaned. */
    private record Node(NodeId id, List<String> raw, List<String> path, boolean variable) {
        Node child(NodeId child, String rawName, boolean isVariable) {
            return new Node(child, append(raw, rawName), append(path, PointNames.segmentOf(rawName)), isVariable);
        }
    }

    AddressSpaceBrowser(List<String> prefix, NodeId root, ConnectorEvents events) {
        this.names = new PointNames(prefix);
        this.root = root;
        this.events = events;
        this.skipStandardNodes = root.equals(NodeIds.ObjectsFolder) || root.equals(NodeIds.RootFolder);
        reset();
    }

    NodeId root() {
        return root;
    }

    /** Every variable mapped so far, by point. */
    Map<PointPath, VariableInfo> variables() {
        return variables;
    }

    /** Forgets what was seen, for a server that may have changed. */
    void reset() {
        seen.clear();
        seen.put(root, new Node(root, List.of(), List.of(), false));
        variables.clear();
    }

    /** One node's children, with data types and points for variables. */
    List<BrowseNode> browse(OpcUaClient c, NodeId node) throws UaException {
        Node parent = seen.get(node);
        List<ReferenceDescription> refs = ServerRequests.browseOne(c, node, BROWSABLE);
        List<BrowseNode> out = new ArrayList<>(refs.size());
        List<Node> vars = new ArrayList<>();
        List<ReferenceDescription> varRefs = new ArrayList<>();
        for (ReferenceDescription r : refs) {
            NodeId id = local(c, r);
            if (id == null || isProperty(r)) {
                continue;
            }
            boolean variable = r.getNodeClass() == NodeClass.Variable;
            // A node outside the browse root still needs a (throw-away) path to be described.
            Node child = (parent == null ? new Node(node, List.of(), List.of(), false) : parent)
                .child(id, NodeMapper.rawName(r.getBrowseName(), r.getDisplayName()), variable);
            if (parent != null && r.getNodeClass() != NodeClass.Method) {
                seen.putIfAbsent(id, child);
            }
            if (variable) {
                vars.add(child);
                varRefs.add(r);
            } else {
                BrowseNode.Kind kind = r.getNodeClass() == NodeClass.Method ? BrowseNode.Kind.METHOD
                    : r.getTypeDefinition() != null && r.getTypeDefinition().equalTo(NodeIds.FolderType)
                    ? BrowseNode.Kind.FOLDER : BrowseNode.Kind.OBJECT;
                out.add(new BrowseNode(id.toParseableString(), name(r), kind, null, null));
            }
        }
        if (!vars.isEmpty()) {
            List<VariableInfo> infos = map(c, vars, VariableReader.unitProperties(c, ids(vars)), parent != null);
            for (int i = 0; i < vars.size(); i++) {
                VariableInfo v = infos.get(i);
                out.add(new BrowseNode(v.nodeId().toParseableString(), name(varRefs.get(i)), BrowseNode.Kind.VARIABLE,
                    v.type(), parent != null ? v.point() : null));
            }
        }
        return out;
    }

    /** Every variable below the root, mapped to points; also remembered for {@link #resolve}. */
    List<VariableInfo> walk(OpcUaClient c) throws UaException {
        long start = System.nanoTime();
        List<Node> frontier = List.of(seen.get(root));
        Set<NodeId> visited = new HashSet<>();
        visited.add(root);
        List<Node> vars = new ArrayList<>();
        Map<NodeId, NodeId> units = new HashMap<>();
        while (!frontier.isEmpty() && visited.size() < MAX_NODES) {
            List<List<ReferenceDescription>> kids = ServerRequests.browse(c, ids(frontier), OBJECTS_AND_VARIABLES);
            List<Node> next = new ArrayList<>();
            for (int i = 0; i < frontier.size(); i++) {
                Node parent = frontier.get(i);
                for (ReferenceDescription r : kids.get(i)) {
                    NodeId id = local(c, r);
                    if (id == null) {
                        continue;
                    }
                    if (isProperty(r)) {
                        if (parent.variable() && isUnits(r)) {
                            units.put(parent.id(), id);
                        }
                        continue;
                    }
                    if (skipStandardNodes && id.getNamespaceIndex().intValue() == 0 && !id.equals(NodeIds.ObjectsFolder)) {
                        continue;
                    }
                    if (!visited.add(id)) {
                        continue;
                    }
                    Node n = parent.child(id, NodeMapper.rawName(r.getBrowseName(), r.getDisplayName()),
                        r.getNodeClass() == NodeClass.Variable);
                    seen.putIfAbsent(id, n);
                    next.add(n);
                    if (n.variable()) {
                        vars.add(n);
                    }
                }
            }
            frontier = next;
        }
        if (visited.size() >= MAX_NODES) {
            LOG.warn("browse below {} stopped after {} nodes; choose a narrower browseRoot", root.toParseableString(), MAX_NODES);
        }
        List<VariableInfo> mapped = map(c, vars, units, true);
        LOG.info("browsed {} nodes below {}: {} variables in {} ms", visited.size(), root.toParseableString(),
            mapped.size(), (System.nanoTime() - start) / 1_000_000);
        return mapped;
    }

    /**
     * The variable behind a point: the one mapped to it, else found by browsing down from the root
     * along the path's names (then placed among the variables of the same name as {@link #walk} would).
     */
    @Nullable VariableInfo resolve(OpcUaClient c, PointPath point) throws UaException {
        VariableInfo known = variables.get(point);
        if (known != null) {
            return known;
        }
        List<String> rel = names.relative(point);
        if (rel == null) {
            return null;
        }
        List<Node> frontier = List.of(seen.get(root));
        for (int level = 0; level < rel.size() && !frontier.isEmpty(); level++) {
            boolean last = level == rel.size() - 1;
            String wanted = rel.get(level);
            String base = last ? PointNames.withoutSuffix(wanted) : wanted;
            List<Node> next = new ArrayList<>();
            for (Node n : frontier) {
                for (ReferenceDescription r : ServerRequests.browseOne(c, n.id(), OBJECTS_AND_VARIABLES)) {
                    NodeId id = local(c, r);
                    if (id == null || isProperty(r) || (last && r.getNodeClass() != NodeClass.Variable)) {
                        continue;
                    }
                    String raw = NodeMapper.rawName(r.getBrowseName(), r.getDisplayName());
                    String segment = PointNames.segmentOf(raw);
                    if (segment.equals(wanted) || segment.equals(base)) {
                        Node child = n.child(id, raw, r.getNodeClass() == NodeClass.Variable);
                        seen.putIfAbsent(id, child);
                        next.add(child);
                    }
                }
            }
            frontier = next;
        }
        if (frontier.isEmpty()) {
            return null;
        }
        map(c, frontier, VariableReader.unitProperties(c, ids(frontier)), true);
        return variables.get(point);
    }

    /**
     * Places variables (see {@link PointNames}), describes them and, if {@code remember}, keeps them
     * under their points. Renamed points are reported in one event. Returns one per variable, in order.
     */
    private List<VariableInfo> map(OpcUaClient c, List<Node> vars, Map<NodeId, NodeId> units, boolean remember)
        throws UaException {
        List<PointNames.Candidate> candidates = new ArrayList<>(vars.size());
        for (Node v : vars) {
            candidates.add(new PointNames.Candidate(v.id(), key(c, v.id()), v.raw(), v.path()));
        }
        Map<NodeId, PointNames.Placement> placed = new HashMap<>();
        for (PointNames.Placement p : names.place(candidates, path -> owner(path))) {
            placed.put(p.candidate().node(), p);
        }
        List<VariableReader.Description> read = VariableReader.describe(c, ids(vars), units);
        List<VariableInfo> out = new ArrayList<>(vars.size());
        List<String> renamed = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            NodeId id = vars.get(i).id();
            PointNames.Placement p = placed.get(id);
            VariableReader.Description d = read.get(i);
            VariableInfo v = new VariableInfo(id, p.path(), d.builtin(), d.type(), d.unit(), d.description());
            if (remember) {
                VariableInfo before = variables.putIfAbsent(v.point(), v);
                if (before != null && !before.nodeId().equals(id)) {
                    LOG.warn("node {} and node {} both map to point {}; {} is left out", before.nodeId().toParseableString(),
                        id.toParseableString(), v.point(), id.toParseableString());
                    continue;
                }
                if (p.reason() != null) {
                    renamed.add(v.point() + " (node " + id.toParseableString() + ", browse path "
                        + String.join("/", vars.get(i).raw()) + ": " + p.reason() + ")");
                }
            }
            out.add(v);
        }
        if (!renamed.isEmpty()) {
            String list = String.join("; ", renamed.subList(0, Math.min(NAMED_IN_EVENT, renamed.size())));
            events.publish(ConnectorEvents.POINTS_RENAMED, Event.Severity.WARNING, renamed.size()
                + " variables got a point path other than their browse path, so that every point is valid and unique: "
                + list + (renamed.size() > NAMED_IN_EVENT ? "; and " + (renamed.size() - NAMED_IN_EVENT) + " more" : ""),
                Map.of("count", Integer.toString(renamed.size())));
        }
        return out;
    }

    private @Nullable NodeId owner(PointPath path) {
        VariableInfo v = variables.get(path);
        return v == null ? null : v.nodeId();
    }

    /** A key of a node that does not depend on the server's namespace indexes. */
    private static String key(OpcUaClient c, NodeId id) {
        String p = id.toParseableString();
        String local = p.startsWith("ns=") ? p.substring(p.indexOf(';') + 1) : p;
        String uri = c.getNamespaceTable().get(id.getNamespaceIndex());
        return PointNames.key(uri == null ? "ns" + id.getNamespaceIndex() : uri, local);
    }

    private static List<NodeId> ids(List<Node> nodes) {
        List<NodeId> out = new ArrayList<>(nodes.size());
        for (Node n : nodes) {
            out.add(n.id());
        }
        return out;
    }

    static @Nullable NodeId local(OpcUaClient c, ReferenceDescription r) {
        if (r.getNodeId() == null || !r.getNodeId().isLocal() || !Boolean.TRUE.equals(r.getIsForward())) {
            return null;
        }
        Optional<NodeId> id = r.getNodeId().toNodeId(c.getNamespaceTable());
        return id.orElse(null);
    }

    static boolean isProperty(ReferenceDescription r) {
        return NodeIds.HasProperty.equals(r.getReferenceTypeId());
    }

    static boolean isUnits(ReferenceDescription r) {
        return r.getBrowseName() != null && "EngineeringUnits".equals(r.getBrowseName().getName());
    }

    private static String name(ReferenceDescription r) {
        LocalizedText d = r.getDisplayName();
        return d != null && d.getText() != null && !d.getText().isBlank() ? d.getText()
            : r.getBrowseName() != null && r.getBrowseName().getName() != null ? r.getBrowseName().getName() : "?";
    }

    private static List<String> append(List<String> path, String segment) {
        List<String> p = new ArrayList<>(path.size() + 1);
        p.addAll(path);
        p.add(segment);
        return List.copyOf(p);
    }
}
