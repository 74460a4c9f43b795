package io.convergence.sim.plant.internal;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import io.convergence.sim.plant.PlantSimulator;
import io.convergence.sim.plant.internal.model.LinePlan;
import io.convergence.sim.plant.internal.model.MachineModel;
import io.convergence.sim.plant.internal.model.MachineVariable;
import io.convergence.sim.plant.internal.model.PlantLayout;
import io.convergence.sim.plant.internal.model.PlantModel;
import io.convergence.sim.plant.internal.model.SensorBank;

import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.core.ValueRanks;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.model.variables.AnalogItemType;
import org.eclipse.milo.opcua.sdk.server.model.variables.BaseAnalogType;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilter;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilterContext;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.EUInformation;
import org.eclipse.milo.opcua.stack.core.types.structured.Range;
import org.jspecify.annotations.Nullable;

/**
 * The plant's address space, namespace {@value PlantSimulator#NAMESPACE_URI}.
 *
 * <p>Objects / acme / lyon / packaging / line1 are folders; each machine under the line is an
 * object with its variables and the methods ResetCounters and SetState as components; the extra
 * sensors sit in the folder line1 / sensors. Every node has a string NodeId equal to its path
 * ({@code acme/lyon/packaging/line1/filler/speed}); properties add {@code .Name}
 * ({@code .../speed.EngineeringUnits}).
 *
 * <p>{@link #tick()} steps the model and sets every variable's value with the tick's time as
 * source and server timestamp; subscriptions sample the nodes through the {@link SubscriptionModel}.
 * One lock serializes ticks, method calls and setpoint writes, so the model stays single-threaded.
 */
final class PlantNamespace extends ManagedNamespaceWithLifecycle {

    private static final String UNECE_UNITS = "http://www.opcfoundation.org/UA/units/un/cefact";
    private static final MachineVariable[] VARIABLES = MachineVariable.values();

    private final SubscriptionModel subscriptions;
    private final PlantModel model;
    private final Object lock = new Object();
    private final UaVariableNode[][] machineNodes;
    private final UaVariableNode[] sensorNodes;
    private volatile long ticks;

    PlantNamespace(OpcUaServer server, PlantModel model) {
        super(server, PlantSimulator.NAMESPACE_URI);
        this.model = model;
        this.machineNodes = new UaVariableNode[model.machines().size()][VARIABLES.length];
        this.sensorNodes = new UaVariableNode[model.sensors().size()];
        this.subscriptions = new SubscriptionModel(server, this);
        getLifecycleManager().addLifecycle(subscriptions);
        getLifecycleManager().addStartupTask(this::createNodes);
    }

    /** Ticks taken so far. */
    long ticks() {
        return ticks;
    }

    /** Sets the model's clock before its first tick. */
    void startClock(long millis) {
        synchronized (lock) {
            model.startClock(millis);
        }
    }

    /** Makes the line follow a plan from the next tick on, or stop following one (null). */
    void follow(@Nullable LinePlan plan) {
        synchronized (lock) {
            model.follow(plan);
        }
    }

    /**
     * Advances the model one tick and publishes every value, stamped with the model's clock: the
     * times the plant's account of itself uses too.
     */
    void tick() {
        synchronized (lock) {
            model.step();
            DateTime time = modelTime();
            for (int i = 0; i < machineNodes.length; i++) {
                publish(i, time);
            }
            SensorBank bank = model.sensors();
            for (int i = 0; i < sensorNodes.length; i++) {
                sensorNodes[i].setValue(new DataValue(new Variant(bank.value(i)), StatusCode.GOOD, time, time));
            }
            ticks = model.ticks();
        }
    }

    private void publish(int machine, DateTime time) {
        MachineModel m = model.machines().get(machine);
        UaVariableNode[] nodes = machineNodes[machine];
        for (MachineVariable v : VARIABLES) {
            nodes[v.ordinal()].setValue(new DataValue(new Variant(v.read(m)), StatusCode.GOOD, time, time));
        }
    }

    /** Applies an operator command to one machine and publishes its new values at once. */
    private void command(int machine, Consumer<MachineModel> action) {
        synchronized (lock) {
            action.accept(model.machines().get(machine));
            publish(machine, modelTime());
        }
    }

    private DateTime modelTime() {
        return new DateTime(Instant.ofEpochMilli(model.nowMillis()));
    }

    // ---- building the address space ----------------------------------------------------------

    private void createNodes() {
        UaFolderNode parent = null;
        StringBuilder path = new StringBuilder();
        for (String segment : PlantLayout.LINE_SEGMENTS) {
            path.append(path.isEmpty() ? "" : "/").append(segment);
            UaFolderNode folder = folder(path.toString(), segment);
            if (parent == null) {
                folder.addReference(new Reference(folder.getNodeId(), NodeIds.Organizes,
                    NodeIds.ObjectsFolder.expanded(), false));
            } else {
                parent.addOrganizes(folder);
            }
            parent = folder;
        }
        UaFolderNode line = parent;
        List<MachineModel> machines = model.machines();
        for (int i = 0; i < machines.size(); i++) {
            line.addOrganizes(machine(i, machines.get(i)));
        }
        SensorBank bank = model.sensors();
        if (bank.size() > 0) {
            UaFolderNode folder = folder(PlantLayout.LINE_PATH + "/" + PlantLayout.SENSOR_FOLDER,
                PlantLayout.SENSOR_FOLDER);
            line.addOrganizes(folder);
            DateTime now = DateTime.now();
            for (int i = 0; i < bank.size(); i++) {
                String name = PlantLayout.sensorName(i, bank.size());
                UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                    .setNodeId(newNodeId(PlantLayout.sensorPath(i, bank.size())))
                    .setBrowseName(newQualifiedName(name))
                    .setDisplayName(LocalizedText.english(name))
                    .setDescription(LocalizedText.english("Generic sensor (random walk), no unit"))
                    .setDataType(NodeIds.Double)
                    .setValueRank(ValueRanks.Scalar)
                    .setAccessLevel(AccessLevel.READ_ONLY)
                    .setUserAccessLevel(AccessLevel.READ_ONLY)
                    .setMinimumSamplingInterval((double) model.tickMs())
                    .setTypeDefinition(NodeIds.BaseDataVariableType)
                    .setValue(new DataValue(new Variant(bank.value(i)), StatusCode.GOOD, now, now))
                    .build();
                getNodeManager().addNode(node);
                folder.addOrganizes(node);
                sensorNodes[i] = node;
            }
        }
        for (int i = 0; i < machines.size(); i++) {
            publish(i, DateTime.now());
        }
    }

    private UaFolderNode folder(String path, String name) {
        UaFolderNode folder = new UaFolderNode(getNodeContext(), newNodeId(path), newQualifiedName(name),
            LocalizedText.english(name));
        getNodeManager().addNode(folder);
        return folder;
    }

    private UaObjectNode machine(int index, MachineModel m) {
        String path = PlantLayout.machinePath(m.name());
        UaObjectNode node = new UaObjectNode.UaObjectNodeBuilder(getNodeContext())
            .setNodeId(newNodeId(path))
            .setBrowseName(newQualifiedName(m.name()))
            .setDisplayName(LocalizedText.english(m.name()))
            .setDescription(LocalizedText.english("Machine " + m.name() + ", rated "
                + Math.round(m.spec().ratedSpeed()) + " units/min"))
            .setTypeDefinition(NodeIds.BaseObjectType)
            .build();
        getNodeManager().addNode(node);
        for (MachineVariable v : VARIABLES) {
            UaVariableNode variable = variable(index, m, v);
            node.addComponent(variable);
            machineNodes[index][v.ordinal()] = variable;
        }
        UaMethodNode reset = method(path, MachineMethods.RESET_COUNTERS,
            "Sets goodCount and rejectCount back to 0");
        reset.setInvocationHandler(new MachineMethods.ResetCounters(reset,
            () -> command(index, MachineModel::resetCounters)));
        node.addComponent(reset);

        UaMethodNode setState = method(path, MachineMethods.SET_STATE,
            "Puts the machine in a state: running resumes automatic behaviour, idle and down hold");
        MachineMethods.SetState handler = new MachineMethods.SetState(setState,
            (state, reason) -> command(index, machine -> machine.command(state, reason)));
        setState.setInputArguments(handler.getInputArguments());
        setState.setInvocationHandler(handler);
        node.addComponent(setState);
        return node;
    }

    private UaMethodNode method(String machinePath, String name, String description) {
        UaMethodNode method = UaMethodNode.builder(getNodeContext())
            .setNodeId(newNodeId(machinePath + "/" + name))
            .setBrowseName(newQualifiedName(name))
            .setDisplayName(LocalizedText.english(name))
            .setDescription(LocalizedText.english(description))
            .setExecutable(true)
            .setUserExecutable(true)
            .build();
        getNodeManager().addNode(method);
        return method;
    }

    private UaVariableNode variable(int index, MachineModel m, MachineVariable v) {
        String unit = v.unit().isEmpty() ? "" : " [" + v.unit() + "]";
        UaVariableNode.UaVariableNodeBuilder b = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
            .setNodeId(newNodeId(PlantLayout.variablePath(m.name(), v)))
            .setBrowseName(newQualifiedName(v.browseName()))
            .setDisplayName(LocalizedText.english(v.browseName()))
            .setDescription(LocalizedText.english(v.description() + unit))
            .setDataType(dataType(v.kind()))
            .setValueRank(ValueRanks.Scalar)
            .setAccessLevel(v.writable() ? AccessLevel.READ_WRITE : AccessLevel.READ_ONLY)
            .setUserAccessLevel(v.writable() ? AccessLevel.READ_WRITE : AccessLevel.READ_ONLY)
            .setMinimumSamplingInterval((double) model.tickMs())
            .setTypeDefinition(v.hasRange() ? NodeIds.AnalogItemType : NodeIds.BaseDataVariableType)
            .setValue(new DataValue(new Variant(v.read(m)), StatusCode.GOOD, DateTime.now(), DateTime.now()));
        if (v == MachineVariable.SPEED_SETPOINT) {
            b.addAttributeFilter(new SetpointWrites(index));
        }
        UaVariableNode node = b.build();
        getNodeManager().addNode(node);
        if (v.hasRange()) {
            node.setProperty(AnalogItemType.EU_RANGE, new Range(v.low(), v.high(m.spec())));
        }
        String code = v.uneceCode();
        if (code != null) {
            node.setProperty(BaseAnalogType.ENGINEERING_UNITS, new EUInformation(UNECE_UNITS, unitId(code),
                LocalizedText.english(v.unit()), LocalizedText.english(v.unit())));
        }
        return node;
    }

    private static NodeId dataType(MachineVariable.Kind kind) {
        return switch (kind) {
            case STRING -> NodeIds.String;
            case INT32 -> NodeIds.Int32;
            case INT64 -> NodeIds.Int64;
            case DOUBLE -> NodeIds.Double;
        };
    }

    /** The OPC UA UnitId of a UN/CEFACT common code: its (up to 3) ASCII characters, big-endian. */
    static int unitId(String code) {
        int id = 0;
        for (int i = 0; i < code.length(); i++) {
            id = id << 8 | code.charAt(i);
        }
        return id;
    }

    /**
     * Hands client writes of speedSetpoint to the model (rejecting values outside the machine's
     * range with Bad_OutOfRange) and stores a clean value: a client's DataValue may lack a status
     * code, which Milo 1.1.2 cannot encode later.
     */
    private final class SetpointWrites implements AttributeFilter {

        private final int machine;

        SetpointWrites(int machine) {
            this.machine = machine;
        }

        @Override
        public void writeAttribute(AttributeFilterContext ctx, AttributeId attributeId, Object value)
            throws UaException {
            if (attributeId != AttributeId.Value) {
                ctx.writeAttribute(attributeId, value);
                return;
            }
            if (!(value instanceof DataValue dv) || !(dv.getValue().getValue() instanceof Number n)) {
                throw new UaException(StatusCodes.Bad_TypeMismatch, "speedSetpoint is a Double");
            }
            double setpoint = n.doubleValue();
            synchronized (lock) {
                try {
                    model.machines().get(machine).setSpeedSetpoint(setpoint);
                } catch (IllegalArgumentException e) {
                    throw new UaException(StatusCodes.Bad_OutOfRange, e.getMessage());
                }
                DateTime now = DateTime.now();
                ctx.writeAttribute(attributeId, new DataValue(new Variant(setpoint), StatusCode.GOOD, now, now));
            }
        }
    }

    // ---- subscriptions ---------------------------------------------------------------------

    @Override
    public void onDataItemsCreated(List<DataItem> dataItems) {
        subscriptions.onDataItemsCreated(dataItems);
    }

    @Override
    public void onDataItemsModified(List<DataItem> dataItems) {
        subscriptions.onDataItemsModified(dataItems);
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> dataItems) {
        subscriptions.onDataItemsDeleted(dataItems);
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> monitoredItems) {
        subscriptions.onMonitoringModeChanged(monitoredItems);
    }
}
