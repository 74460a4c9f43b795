package io.convergence.sim.plant.internal;

import io.convergence.sim.plant.internal.model.MachineState;

import org.eclipse.milo.opcua.sdk.core.ValueRanks;
import org.eclipse.milo.opcua.sdk.server.methods.AbstractMethodInvocationHandler;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/** The methods every machine object offers to clients. */
final class MachineMethods {

    static final String RESET_COUNTERS = "ResetCounters";
    static final String SET_STATE = "SetState";

    private static final Argument[] NONE = new Argument[0];

    private MachineMethods() {
    }

    /** {@code ResetCounters()}: sets goodCount and rejectCount back to 0. */
    static final class ResetCounters extends AbstractMethodInvocationHandler {

        private final Runnable action;

        ResetCounters(UaMethodNode node, Runnable action) {
            super(node);
            this.action = action;
        }

        @Override
        public Argument[] getInputArguments() {
            return NONE;
        }

        @Override
        public Argument[] getOutputArguments() {
            return NONE;
        }

        @Override
        protected Variant[] invoke(InvocationContext context, Variant[] inputs) {
            action.run();
            return new Variant[0];
        }
    }

    /** What {@code SetState} does to its machine. */
    interface StateCommand {
        /** @throws IllegalArgumentException if the reason does not fit the state */
        void apply(MachineState state, int reason);
    }

    /**
     * {@code SetState(String state, Int32 reason)}: {@code running} resumes automatic behaviour;
     * {@code idle} and {@code down} (with a positive reason code) hold until the next call.
     */
    static final class SetState extends AbstractMethodInvocationHandler {

        private static final Argument[] INPUTS = {
            new Argument("state", NodeIds.String, ValueRanks.Scalar, null,
                LocalizedText.english("running, idle or down")),
            new Argument("reason", NodeIds.Int32, ValueRanks.Scalar, null,
                LocalizedText.english("Down reason code, positive when down: 1 jam, 2 material shortage, "
                    + "3 bearing fault, 4 changeover; ignored otherwise")),
        };

        private final StateCommand command;

        SetState(UaMethodNode node, StateCommand command) {
            super(node);
            this.command = command;
        }

        @Override
        public Argument[] getInputArguments() {
            return INPUTS;
        }

        @Override
        public Argument[] getOutputArguments() {
            return NONE;
        }

        @Override
        protected Variant[] invoke(InvocationContext context, Variant[] inputs) throws UaException {
            if (!(inputs[0].getValue() instanceof String state) || !(inputs[1].getValue() instanceof Integer reason)) {
                throw new UaException(StatusCodes.Bad_InvalidArgument, "SetState(String state, Int32 reason)");
            }
            try {
                command.apply(MachineState.parse(state), reason);
            } catch (IllegalArgumentException e) {
                throw new UaException(StatusCodes.Bad_InvalidArgument, e.getMessage());
            }
            return new Variant[0];
        }
    }
}
