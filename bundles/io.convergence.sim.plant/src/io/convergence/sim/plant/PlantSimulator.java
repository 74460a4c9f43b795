package io.convergence.sim.plant;

import java.util.List;

/**
 * A running simulated plant: an OPC UA server whose values change every tick.
 *
 * <p>Every variable's NodeId is a string NodeId in namespace {@link #NAMESPACE_URI} whose
 * identifier is the variable's path, for example
 * {@code nsu=urn:convergence:sim:plant;s=acme/lyon/packaging/line1/filler/speed}; folders and
 * methods follow the same scheme ({@code .../filler/ResetCounters}).
 */
public interface PlantSimulator {

    /** The URI of the namespace that holds the plant's nodes. */
    String NAMESPACE_URI = "urn:convergence:sim:plant";

    /** The server's endpoint, for example {@code opc.tcp://127.0.0.1:4840/convergence-sim}. */
    String endpointUrl();

    /** How many variables the plant publishes: machine variables and extra sensors. */
    int variableCount();

    /**
     * The path of every variable, for example {@code acme/lyon/packaging/line1/filler/speed},
     * machines first in flow order, then the sensors.
     */
    List<String> variablePaths();

    /** Ticks taken since the server started; every value changes once per tick. */
    long ticks();
}
