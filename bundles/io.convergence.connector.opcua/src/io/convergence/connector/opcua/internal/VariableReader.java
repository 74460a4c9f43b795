package io.convergence.connector.opcua.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.convergence.api.point.DataType;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.AttributeId;
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

/** Reads what a point needs to know of its variable: data type, description and unit, in batches. */
final class VariableReader {

    private static final Logger LOG = LoggerFactory.getLogger(VariableReader.class);

    /** What was read of one variable. */
    record Description(@Nullable OpcUaDataType builtin, DataType type, String unit, String description) {
    }

    private VariableReader() {
    }

    /** The EngineeringUnits property of each variable that has one. */
    static Map<NodeId, NodeId> unitProperties(OpcUaClient c, List<NodeId> vars) throws UaException {
        Map<NodeId, NodeId> units = new HashMap<>();
        List<List<ReferenceDescription>> kids = ServerRequests.browse(c, vars, NodeClass.Variable.getValue());
        for (int i = 0; i < vars.size(); i++) {
            for (ReferenceDescription r : kids.get(i)) {
                NodeId id = AddressSpaceBrowser.local(c, r);
                if (id != null && AddressSpaceBrowser.isProperty(r) && AddressSpaceBrowser.isUnits(r)) {
                    units.put(vars.get(i), id);
                }
            }
        }
        return units;
    }

    /** Reads data type, description and unit of each variable, in batches; in the order given. */
    static List<Description> describe(OpcUaClient c, List<NodeId> vars, Map<NodeId, NodeId> unitNodes)
        throws UaException {
        List<ReadValueId> req = new ArrayList<>(vars.size() * 3 + unitNodes.size());
        for (NodeId v : vars) {
            req.add(new ReadValueId(v, AttributeId.DataType.uid(), null, QualifiedName.NULL_VALUE));
            req.add(new ReadValueId(v, AttributeId.Description.uid(), null, QualifiedName.NULL_VALUE));
            req.add(new ReadValueId(v, AttributeId.ValueRank.uid(), null, QualifiedName.NULL_VALUE));
        }
        List<NodeId> unitVars = new ArrayList<>(unitNodes.keySet());
        for (NodeId v : unitVars) {
            req.add(new ReadValueId(unitNodes.get(v), AttributeId.Value.uid(), null, QualifiedName.NULL_VALUE));
        }
        List<DataValue> values = ServerRequests.read(c, req);
        Map<NodeId, String> units = new HashMap<>();
        for (int i = 0; i < unitVars.size(); i++) {
            String u = unit(c, values.get(vars.size() * 3 + i));
            if (!u.isEmpty()) {
                units.put(unitVars.get(i), u);
            }
        }
        List<Description> out = new ArrayList<>(vars.size());
        for (int i = 0; i < vars.size(); i++) {
            Object dt = value(values.get(3 * i));
            Object desc = value(values.get(3 * i + 1));
            Integer rank = value(values.get(3 * i + 2)) instanceof Integer r ? r : null;
            OpcUaDataType builtin = dt instanceof NodeId id ? NodeMapper.builtin(id, c) : null;
            String description = desc instanceof LocalizedText t && t.getText() != null ? t.getText() : "";
            out.add(new Description(builtin, NodeMapper.apiType(builtin, rank), units.getOrDefault(vars.get(i), ""),
                description));
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
}
