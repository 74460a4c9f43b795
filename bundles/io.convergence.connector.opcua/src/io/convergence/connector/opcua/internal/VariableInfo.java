package io.convergence.connector.opcua.internal;

import io.convergence.api.point.DataType;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;

import org.eclipse.milo.opcua.stack.core.OpcUaDataType;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.jspecify.annotations.Nullable;

/**
 * A server variable mapped to a point.
 *
 * @param nodeId the variable
 * @param point the point it maps to
 * @param builtin its built-in OPC UA type, if known; what writes convert to
 * @param type how its values are carried
 * @param unit the display name of its EngineeringUnits property, else empty
 * @param description its Description attribute, else empty
 */
record VariableInfo(NodeId nodeId, PointPath point, @Nullable OpcUaDataType builtin, DataType type, String unit,
                    String description) {

    PointInfo toPointInfo(String source) {
        return new PointInfo(point, type, unit, description, source, nodeId.toParseableString());
    }
}
