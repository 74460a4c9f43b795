package io.convergence.connector.opcua.internal;

import io.convergence.api.point.PointPath;

import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MonitoringMode;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;

/**
 * A monitored item that knows its point, so a data change finds its point with a cast instead of a
 * map lookup or an Optional per value. It also keeps what gap markers need: the time of the last
 * value on the point's own clock, that clock's offset from the local one, and whether a gap is open.
 * Written by the subscription's delivery thread, read when a gap is marked (on another thread).
 */
final class PointItem extends OpcUaMonitoredItem {

    final VariableInfo variable;
    final PointPath point;
    /** Time of the last value delivered, in the point's time base (source, else server time); MIN_VALUE if none. */
    volatile long lastMicros = Long.MIN_VALUE;
    /** The last value's time minus the local clock when it arrived: the point's clock against ours. */
    volatile long offsetMicros;
    /** A gap marker was written after the last value. */
    volatile boolean gapOpen;

    PointItem(VariableInfo variable) {
        super(new ReadValueId(variable.nodeId(), AttributeId.Value.uid(), null, QualifiedName.NULL_VALUE),
            MonitoringMode.Reporting);
        this.variable = variable;
        this.point = variable.point();
    }
}
