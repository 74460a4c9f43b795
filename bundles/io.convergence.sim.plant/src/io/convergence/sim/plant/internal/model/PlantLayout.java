package io.convergence.sim.plant.internal.model;

import java.util.List;

/**
 * Where things are in the plant: the ISA-95 path of the line, and the names of machines and
 * sensors. A variable's path is {@code <line>/<machine>/<variable>}, for example
 * {@code acme/lyon/packaging/line1/filler/speed}; sensors are {@code <line>/sensors/s00001}.
 */
public final class PlantLayout {

    /** Enterprise, site, area and line, outermost first. */
    public static final List<String> LINE_SEGMENTS = List.of("acme", "lyon", "packaging", "line1");

    /** The line's path. */
    public static final String LINE_PATH = String.join("/", LINE_SEGMENTS);

    /** The folder under the line that holds the extra sensors. */
    public static final String SENSOR_FOLDER = "sensors";

    /** The first machines of the line, in flow order; further machines are {@code machine5}, ... */
    public static final List<String> NAMED_MACHINES = List.of("filler", "capper", "labeler", "palletizer");

    private PlantLayout() {
    }

    /** The name of machine {@code index}, 0-based. */
    public static String machineName(int index) {
        return index < NAMED_MACHINES.size() ? NAMED_MACHINES.get(index) : "machine" + (index + 1);
    }

    /** The path of a machine. */
    public static String machinePath(String machine) {
        return LINE_PATH + "/" + machine;
    }

    /** The path of a machine's variable. */
    public static String variablePath(String machine, MachineVariable variable) {
        return machinePath(machine) + "/" + variable.browseName();
    }

    /**
     * The name of sensor {@code index} (0-based) in a bank of {@code count}: {@code s00001} for
     * index 0, with at least five digits and more when the count needs them.
     */
    public static String sensorName(int index, int count) {
        int width = Math.max(5, Integer.toString(count).length());
        String n = Integer.toString(index + 1);
        return "s" + "0".repeat(Math.max(0, width - n.length())) + n;
    }

    /** The path of sensor {@code index} (0-based) in a bank of {@code count}. */
    public static String sensorPath(int index, int count) {
        return LINE_PATH + "/" + SENSOR_FOLDER + "/" + sensorName(index, count);
    }
}
