package io.convergence.sim.plant.internal;

import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.servicesets.impl.DefaultMonitoredItemServiceSet;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.structured.CreateMonitoredItemsRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CreateMonitoredItemsResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.DeleteMonitoredItemsRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.DeleteMonitoredItemsResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.ModifyMonitoredItemsRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.ModifyMonitoredItemsResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.SetMonitoringModeRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.SetMonitoringModeResponse;
import org.eclipse.milo.opcua.stack.transport.server.ServiceRequestContext;
import org.jspecify.annotations.Nullable;

/**
 * Milo's monitored item services, plus the check Milo 1.1.2 leaves out: a call with more items
 * than the advertised MaxMonitoredItemsPerCall fails with Bad_TooManyOperations, as a strict
 * server would, so that clients' batching is exercised against the simulator.
 */
final class BatchLimitedMonitoredItemServiceSet extends DefaultMonitoredItemServiceSet {

    private final int limit;

    BatchLimitedMonitoredItemServiceSet(OpcUaServer server, int limit) {
        super(server);
        this.limit = limit;
    }

    @Override
    public CreateMonitoredItemsResponse onCreateMonitoredItems(ServiceRequestContext context,
        CreateMonitoredItemsRequest request) throws UaException {
        check(request.getItemsToCreate());
        return super.onCreateMonitoredItems(context, request);
    }

    @Override
    public ModifyMonitoredItemsResponse onModifyMonitoredItems(ServiceRequestContext context,
        ModifyMonitoredItemsRequest request) throws UaException {
        check(request.getItemsToModify());
        return super.onModifyMonitoredItems(context, request);
    }

    @Override
    public DeleteMonitoredItemsResponse onDeleteMonitoredItems(ServiceRequestContext context,
        DeleteMonitoredItemsRequest request) throws UaException {
        check(request.getMonitoredItemIds());
        return super.onDeleteMonitoredItems(context, request);
    }

    @Override
    public SetMonitoringModeResponse onSetMonitoringMode(ServiceRequestContext context,
        SetMonitoringModeRequest request) throws UaException {
        check(request.getMonitoredItemIds());
        return super.onSetMonitoringMode(context, request);
    }

    private void check(Object @Nullable [] items) throws UaException {
        if (items != null && items.length > limit) {
            throw new UaException(StatusCodes.Bad_TooManyOperations,
                items.length + " monitored items in one call; MaxMonitoredItemsPerCall is " + limit);
        }
    }
}
