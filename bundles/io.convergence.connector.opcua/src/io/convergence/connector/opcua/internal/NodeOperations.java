package io.convergence.connector.opcua.internal;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.convergence.api.connector.ConnectorException;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Sample;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.OpcUaDataType;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseResult;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.jspecify.annotations.Nullable;

/** Read, write and method call, with values converted to what the server expects and errors in its terms. */
final class NodeOperations {

    private final String id;
    private final ConnectionManager connection;
    private final AddressSpaceBrowser browser;

    NodeOperations(String id, ConnectionManager connection, AddressSpaceBrowser browser) {
        this.id = id;
        this.connection = connection;
        this.browser = browser;
    }

    Sample read(PointPath point) throws ConnectorException, UaException {
        OpcUaClient c = connection.liveClient();
        VariableInfo v = resolve(c, point);
        DataValue dv = c.readValue(0.0, TimestampsToReturn.Both, v.nodeId());
        Object value = NodeMapper.sampleValue(dv.getValue(), c.getStaticEncodingContext());
        StatusCode sc = dv.getStatusCode();
        if (sc != null && sc.isBad() && value == null) {
            throw new ConnectorException("reading point '" + point + "' (node " + v.nodeId().toParseableString()
                + ") failed: " + Statuses.describe(sc));
        }
        long micros = NodeMapper.micros(dv);
        Instant time = micros == Long.MIN_VALUE ? Instant.now() : Micros.toInstant(micros);
        return new Sample(point, time, value, NodeMapper.quality(sc));
    }

    void write(PointPath point, Object value) throws ConnectorException, UaException {
        OpcUaClient c = connection.liveClient();
        VariableInfo v = resolve(c, point);
        OpcUaDataType type = v.builtin() != null ? v.builtin() : ServerRequests.dataTypeOf(c, v.nodeId());
        String node = v.nodeId().toParseableString();
        Variant variant;
        try {
            variant = WriteConversion.toVariant(value, type);
        } catch (IllegalArgumentException e) {
            throw new ConnectorException("cannot write " + show(value) + " to point '" + point + "' (node " + node
                + ", OPC UA type " + type + "): " + e.getMessage());
        }
        StatusCode sc = c.writeValues(List.of(v.nodeId()), List.of(DataValue.valueOnly(variant))).get(0);
        if (sc != null && sc.isBad()) {
            throw new ConnectorException("writing " + show(value) + " to point '" + point + "' (node " + node
                + ") failed: " + Statuses.describe(sc));
        }
    }

    List<Object> call(String objectId, String methodId, List<Object> arguments) throws ConnectorException, UaException {
        OpcUaClient c = connection.liveClient();
        NodeId object = parse(objectId, "object");
        NodeId method = parse(methodId, "method");
        List<Argument> declared = inputArguments(c, method);
        if (declared != null && declared.size() != arguments.size()) {
            throw new ConnectorException("method " + methodId + " takes " + declared.size() + " arguments ("
                + signature(declared) + "), not " + arguments.size());
        }
        Variant[] in = new Variant[arguments.size()];
        for (int i = 0; i < in.length; i++) {
            Object a = arguments.get(i);
            if (declared == null) {
                in[i] = new Variant(a);
                continue;
            }
            Argument d = declared.get(i);
            OpcUaDataType type = d.getValueRank() != null && d.getValueRank() > 0 ? null : NodeMapper.builtin(d.getDataType(), c);
            try {
                in[i] = a == null ? Variant.NULL_VALUE : WriteConversion.toVariant(a, type);
            } catch (IllegalArgumentException e) {
                throw new ConnectorException("argument " + (i + 1) + " ('" + d.getName() + "', " + type + ") of method "
                    + methodId + ": " + e.getMessage());
            }
        }
        CallMethodResult r = c.call(List.of(new CallMethodRequest(object, method, in))).getResults()[0];
        if (r.getStatusCode() != null && r.getStatusCode().isBad()) {
            StringBuilder why = new StringBuilder(Statuses.describe(r.getStatusCode()));
            StatusCode[] perArg = r.getInputArgumentResults();
            for (int i = 0; perArg != null && i < perArg.length; i++) {
                if (perArg[i] != null && perArg[i].isBad()) {
                    why.append("; argument ").append(i + 1).append(": ").append(Statuses.name(perArg[i]));
                }
            }
            throw new ConnectorException("calling method " + methodId + " on " + objectId + " failed: " + why);
        }
        List<Object> out = new ArrayList<>();
        if (r.getOutputArguments() != null) {
            for (Variant v : r.getOutputArguments()) {
                out.add(NodeMapper.toJava(v));
            }
        }
        return out;
    }

    private VariableInfo resolve(OpcUaClient c, PointPath point) throws ConnectorException, UaException {
        VariableInfo v = browser.resolve(c, point);
        if (v == null) {
            throw new ConnectorException("point '" + point + "' is not a variable of OPC UA connector '" + id
                + "' (no such browse path below " + browser.root().toParseableString() + ")");
        }
        return v;
    }

    /** The declared input arguments of a method, or {@code null} if it declares none. */
    private static @Nullable List<Argument> inputArguments(OpcUaClient c, NodeId method) throws UaException {
        BrowseResult br = c.browse(new BrowseDescription(method, BrowseDirection.Forward, NodeIds.HasProperty, false,
            uint(NodeClass.Variable.getValue()), uint(BrowseResultMask.All.getValue())));
        if (br.getReferences() == null) {
            return null;
        }
        for (ReferenceDescription r : br.getReferences()) {
            if (r.getBrowseName() != null && "InputArguments".equals(r.getBrowseName().getName())) {
                NodeId prop = r.getNodeId().toNodeId(c.getNamespaceTable()).orElse(null);
                if (prop == null) {
                    return null;
                }
                DataValue v = c.read(0.0, TimestampsToReturn.Neither,
                    List.of(new ReadValueId(prop, AttributeId.Value.uid(), null, QualifiedName.NULL_VALUE))).getResults()[0];
                Object o = v.getValue() == null ? null : v.getValue().getValue();
                List<Argument> args = new ArrayList<>();
                if (o instanceof ExtensionObject[] xs) {
                    for (ExtensionObject x : xs) {
                        if (x.decode(c.getStaticEncodingContext()) instanceof Argument a) {
                            args.add(a);
                        }
                    }
                }
                return args;
            }
        }
        return List.of();
    }

    private static String signature(List<Argument> args) {
        StringBuilder b = new StringBuilder();
        for (Argument a : args) {
            if (!b.isEmpty()) {
                b.append(", ");
            }
            b.append(a.getName()).append(": ").append(a.getDataType() == null ? "?" : a.getDataType().toParseableString());
        }
        return b.toString();
    }

    private static NodeId parse(String text, String what) throws ConnectorException {
        return NodeId.parseSafe(text == null ? "" : text.strip())
            .orElseThrow(() -> new ConnectorException("'" + text + "' is not a NodeId (" + what + "), expected e.g. ns=2;s=Line1"));
    }

    private static String show(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }
}
