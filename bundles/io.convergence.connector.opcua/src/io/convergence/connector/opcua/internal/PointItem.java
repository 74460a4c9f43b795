package io.convergence.connector.opcua.internal;

import io.convergence.api.point.PointPath;

import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MonitoringMode;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;

/**
 * A monitored item that knows its point, so a data change finds its point with a cast instead of a
 * map lookup or an Optional per value.
 */
final class PointItem extends OpcUaMonitoredItem {

    final VariableInfo variable;
    final PointPath point;

    PointItem(VariableInfo variable) {
        super(new ReadValueId(variable.nodeId(), AttributeId.Value.uid(), null, QualifiedName.NULL_VALUE),
            MonitoringMode.Reporting);
        this.variable = variable;
        this.point = variable.point();
    }
}
