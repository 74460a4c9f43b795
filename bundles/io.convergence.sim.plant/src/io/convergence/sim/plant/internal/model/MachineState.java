package io.convergence.sim.plant.internal.model;

import java.util.Locale;

/** What a machine is doing, as the {@code state} variable shows it. */
public enum MachineState {
    /** Producing at its speed setpoint. */
    RUNNING("running"),
    /** Ready but not producing (starved, blocked or held by an operator); no reason code. */
    IDLE("idle"),
    /** Stopped for a reason, see {@link DownReason}. */
    DOWN("down");

    private final String label;

    MachineState(String label) {
        this.label = label;
    }

    /** The text published in the {@code state} variable. */
    public String label() {
        return label;
    }

    /**
     * The state named by {@code label}, ignoring case.
     *
     * @throws IllegalArgumentException if the text names no state
     */
    public static MachineState parse(String label) {
        String l = label.strip().toLowerCase(Locale.ROOT);
        for (MachineState s : values()) {
            if (s.label.equals(l)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown machine state '" + label + "' (running, idle or down)");
    }
}
