package io.convergence.sim.plant.internal.model;

/**
 * The reason codes published in the {@code downReason} variable. The code is {@link #NONE} unless
 * the machine is {@link MachineState#DOWN down}.
 */
public final class DownReason {

    /** Not down. */
    public static final int NONE = 0;
    /** A product jammed in the machine: short stop, cleared by the operator. */
    public static final int JAM = 1;
    /** No bottles, caps, labels or pallets to work with. */
    public static final int MATERIAL_SHORTAGE = 2;
    /** The motor bearing failed; the repair replaces it, so the wear starts again from new. */
    public static final int BEARING_FAULT = 3;
    /** Planned stop to change format or product. */
    public static final int CHANGEOVER = 4;

    private DownReason() {
    }

    /** A short English description of a reason code. */
    public static String describe(int code) {
        return switch (code) {
            case NONE -> "none";
            case JAM -> "jam";
            case MATERIAL_SHORTAGE -> "material shortage";
            case BEARING_FAULT -> "bearing fault";
            case CHANGEOVER -> "changeover";
            default -> "reason " + code;
        };
    }
}
