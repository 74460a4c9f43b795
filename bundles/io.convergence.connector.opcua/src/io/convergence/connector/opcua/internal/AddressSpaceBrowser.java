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
import io.convergence.api.point.PointPath;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.OpcUaDataType;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.structured.EUInformation;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Browses the server: lazily, one node's children at a time for the user, or the whole space below
 * the browse root for subscribe-all. Browse and read requests are batched to the server's operation
 * limits. Properties (HasProperty) are not points; a variable's EngineeringUnits property gives its
 * unit. Remembers the path of every node it has seen, so that points map back to nodes.
 */
final class AddressSpaceBrowser {

    private static final Logger LOG = LoggerFactory.getLogger(AddressSpaceBrowser.class);
    private static final int OBJECTS_AND_VARIABLES = NodeClass.Object.getValue() | NodeClass.Variable.getValue();
    private static final int BROWSABLE = OBJECTS_AND_VARIABLES | NodeClass.Method.getValue();
    private static final int MAX_NODES = 500_000;

    private final NodeMapper mapper;
    private final NodeId root;
    /** Below the Objects folder the standard nodes (namespace 0: Server, Aliases, ...) are not plant data. */
    private final boolean skipStandardNodes;
    private final Map<NodeId, List<String>> paths = new ConcurrentHashMap<>();
    private final Map<PointPath, VariableInfo> variables = new ConcurrentHashMap<>();

    private record Node(NodeId id, List<String> path, boolean variable) {
    }

    AddressSpaceBrowser(NodeMapper mapper, NodeId root) {
        this.mapper = mapper;
        this.root = root;
        this.skipStandardNodes = root.equals(NodeIds.ObjectsFolder) || root.equals(NodeIds.RootFolder);
        paths.put(root, List.of());
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
        paths.clear();
        paths.put(root, List.of());
        variables.clear();
    }

    /** One node's children, with data types and points for variables. */
    List<BrowseNode> browse(OpcUaClient c, NodeId node) throws UaException {
        List<String> parentPath = paths.get(node);
        List<ReferenceDescription> refs = ServerRequests.browseOne(c, node, BROWSABLE);
        List<BrowseNode> out = new ArrayList<>(refs.size());
        List<Node> vars = new ArrayList<>();
        List<ReferenceDescription> varRefs = new ArrayList<>();
        for (ReferenceDescription r : refs) {
            NodeId id = local(c, r);
            if (id == null || isProperty(r)) {
                continue;
            }
            List<String> path = parentPath == null ? null : append(parentPath, NodeMapper.segment(r.getBrowseName(), r.getDisplayName()));
            if (path != null && r.getNodeClass() != NodeClass.Method) {
                paths.putIfAbsent(id, path);
            }
            if (r.getNodeClass() == NodeClass.Variable) {
                // A variable outside the browse root still needs a (throw-away) path to be described.
                vars.add(new Node(id, path == null ? List.of(NodeMapper.segment(r.getBrowseName(), r.getDisplayName())) : path,
                    true));
                varRefs.add(r);
            } else {
                BrowseNode.Kind kind = r.getNodeClass() == NodeClass.Method ? BrowseNode.Kind.METHOD
                    : r.getTypeDefinition() != null && r.getTypeDefinition().equalTo(NodeIds.FolderType)
                    ? BrowseNode.Kind.FOLDER : BrowseNode.Kind.OBJECT;
                out.add(new BrowseNode(id.toParseableString(), name(r), kind, null, null));
            }
        }
        if (!vars.isEmpty()) {
            Map<NodeId, NodeId> units = unitProperties(c, vars);
            List<VariableInfo> infos = describe(c, vars, units);
            for (int i = 0; i < vars.size(); i++) {
                VariableInfo v = infos.get(i);
                boolean mapped = parentPath != null;
                if (mapped) {
                    variables.putIfAbsent(v.point(), v);
                }
                out.add(new BrowseNode(v.nodeId().toParseableString(), name(varRefs.get(i)), BrowseNode.Kind.VARIABLE,
                    v.type(), mapped ? v.point() : null));
            }
        }
        return out;
    }

    /** Every variable below the root, mapped to points; also remembered for {@link #resolve}. */
    List<VariableInfo> walk(OpcUaClient c) throws UaException {
        long start = System.nanoTime();
        List<Node> frontier = List.of(new Node(root, List.of(), false));
        Set<NodeId> seen = new HashSet<>();
        seen.add(root);
        List<Node> vars = new ArrayList<>();
        Map<NodeId, NodeId> units = new HashMap<>();
        while (!frontier.isEmpty() && seen.size() < MAX_NODES) {
            List<List<ReferenceDescription>> kids = ServerRequests.browse(c, frontier.stream().map(Node::id).toList(), OBJECTS_AND_VARIABLES);
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
                    if (!seen.add(id)) {
                        continue;
                    }
                    Node n = new Node(id, append(parent.path(), NodeMapper.segment(r.getBrowseName(), r.getDisplayName())),
                        r.getNodeClass() == NodeClass.Variable);
                    paths.putIfAbsent(id, n.path());
                    next.add(n);
                    if (n.variable()) {
                        vars.add(n);
                    }
                }
            }
            frontier = next;
        }
        if (seen.size() >= MAX_NODES) {
            LOG.warn("browse below {} stopped after {} nodes; choose a narrower browseRoot", root.toParseableString(), MAX_NODES);
        }
        List<VariableInfo> infos = describe(c, vars, units);
        List<VariableInfo> unique = new ArrayList<>(infos.size());
        int duplicates = 0;
        for (VariableInfo v : infos) {
            if (variables.putIfAbsent(v.point(), v) == null || variables.get(v.point()).nodeId().equals(v.nodeId())) {
                unique.add(v);
            } else {
                duplicates++;
            }
        }
        if (duplicates > 0) {
            LOG.warn("{} variables below {} map to a point path already taken (same browse names); they are left out",
                duplicates, root.toParseableString());
        }
        LOG.info("browsed {} nodes below {}: {} variables in {} ms", seen.size(), root.toParseableString(), unique.size(),
            (System.nanoTime() - start) / 1_000_000);
        return unique;
    }

    /** The variable behind a point, browsing down from the root by browse names if not seen yet. */
    @Nullable VariableInfo resolve(OpcUaClient c, PointPath point) throws UaException {
        VariableInfo known = variables.get(point);
        if (known != null) {
            return known;
        }
        List<String> rel = mapper.relative(point);
        if (rel == null) {
            return null;
        }
        Node cur = new Node(root, List.of(), false);
        for (String segment : rel) {
            Node found = null;
            for (ReferenceDescription r : ServerRequests.browseOne(c, cur.id(), OBJECTS_AND_VARIABLES)) {
                NodeId id = local(c, r);
                if (id != null && !isProperty(r) && segment.equals(NodeMapper.segment(r.getBrowseName(), r.getDisplayName()))) {
                    found = new Node(id, append(cur.path(), segment), r.getNodeClass() == NodeClass.Variable);
                    paths.putIfAbsent(id, found.path());
                    break;
                }
            }
            if (found == null) {
                return null;
            }
            cur = found;
        }
        if (!cur.variable()) {
            return null;
        }
        VariableInfo v = describe(c, List.of(cur), unitProperties(c, List.of(cur))).get(0);
        variables.putIfAbsent(point, v);
        return v;
    }

    private Map<NodeId, NodeId> unitProperties(OpcUaClient c, List<Node> vars) throws UaException {
        Map<NodeId, NodeId> units = new HashMap<>();
        List<List<ReferenceDescription>> kids = ServerRequests.browse(c, vars.stream().map(Node::id).toList(),
            NodeClass.Variable.getValue());
        for (int i = 0; i < vars.size(); i++) {
            for (ReferenceDescription r : kids.get(i)) {
                NodeId id = local(c, r);
                if (id != null && isProperty(r) && isUnits(r)) {
                    units.put(vars.get(i).id(), id);
                }
            }
        }
        return units;
    }

    /** Reads data type, description and unit of each variable, in batches. */
    private List<VariableInfo> describe(OpcUaClient c, List<Node> vars, Map<NodeId, NodeId> unitNodes) throws UaException {
        List<ReadValueId> req = new ArrayList<>(vars.size() * 2 + unitNodes.size());
        for (Node v : vars) {
            req.add(new ReadValueId(v.id(), AttributeId.DataType.uid(), null, QualifiedName.NULL_VALUE));
            req.add(new ReadValueId(v.id(), AttributeId.Description.uid(), null, QualifiedName.NULL_VALUE));
        }
        List<NodeId> unitVars = new ArrayList<>(unitNodes.keySet());
        for (NodeId v : unitVars) {
            req.add(new ReadValueId(unitNodes.get(v), AttributeId.Value.uid(), null, QualifiedName.NULL_VALUE));
        }
        List<DataValue> values = ServerRequests.read(c, req);
        Map<NodeId, String> units = new HashMap<>();
        for (int i = 0; i < unitVars.size(); i++) {
            String u = unit(c, values.get(vars.size() * 2 + i));
            if (!u.isEmpty()) {
                units.put(unitVars.get(i), u);
            }
        }
        List<VariableInfo> out = new ArrayList<>(vars.size());
        for (int i = 0; i < vars.size(); i++) {
            Node v = vars.get(i);
            Object dt = value(values.get(2 * i));
            Object desc = value(values.get(2 * i + 1));
            OpcUaDataType builtin = dt instanceof NodeId id ? NodeMapper.builtin(id, c) : null;
            String description = desc instanceof LocalizedText t && t.getText() != null ? t.getText() : "";
            out.add(new VariableInfo(v.id(), mapper.pointPath(v.path()), builtin, NodeMapper.apiType(builtin),
                units.getOrDefault(v.id(), ""), description));
        }
        return out;
    }


    private static String unit(OpcUaClient c, DataValue v) {
        if (value(v) instanceof ExtensionObject xo) {
            try {
                if (xo.decode(c.getStaticEncodingContext()) instanceof EUInformation eu && eu.getDisplayName() != null
                    && eu.getDisplayName().getText() != null) {
                    return eu.getDisplayName().getText();
                }
            } catch (RuntimeException e) {
                LOG.debug("EngineeringUnits not decodable: {}", e.toString());
            }
        }
        return "";
    }

    private static @Nullable Object value(DataValue v) {
        return v.getValue() == null ? null : v.getValue().getValue();
    }

    private static @Nullable NodeId local(OpcUaClient c, ReferenceDescription r) {
        if (r.getNodeId() == null || !r.getNodeId().isLocal() || !Boolean.TRUE.equals(r.getIsForward())) {
            return null;
        }
        Optional<NodeId> id = r.getNodeId().toNodeId(c.getNamespaceTable());
        return id.orElse(null);
    }

    private static boolean isProperty(ReferenceDescription r) {
        return NodeIds.HasProperty.equals(r.getReferenceTypeId());
    }

    private static boolean isUnits(ReferenceDescription r) {
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
