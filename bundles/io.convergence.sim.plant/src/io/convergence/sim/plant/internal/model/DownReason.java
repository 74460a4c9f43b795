package io.convergence.sim.plant.internal.model;

/**
 * The reason codes published in the {@code downReason} variable. The code is {@link #NONE} unless
 * the machine is {@link MachineState#DOWN down}. Codes 1 to 4 come from the machine itself (and
 * changeovers from the plan when the line follows one); 10 to 12 are planned stops that only a
 * plan sets. The simulated ERP books them under the same codes (its {@code reason_code} table).
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
    /** Stop to change format or product. */
    public static final int CHANGEOVER = 4;
    /** A break of the crew, from the shift calendar. */
    public static final int BREAK = 10;
    /** Planned maintenance, from the shift calendar. */
    public static final int PLANNED_MAINTENANCE = 11;
    /** No order to run. */
    public static final int NO_ORDERS = 12;

    private DownReason() {
    }

    /** Whether the code stands for planned time rather than a loss: a break, maintenance, no orders. */
    public static boolean planned(int code) {
        return code == BREAK || code == PLANNED_MAINTENANCE || code == NO_ORDERS;
    }

    /** A short English description of a reason code. */
    public static String describe(int code) {
        return switch (code) {
            case NONE -> "none";
            case JAM -> "jam";
            case MATERIAL_SHORTAGE -> "material shortage";
            case BEARING_FAULT -> "bearing fault";
            case CHANGEOVER -> "changeover";
            case BREAK -> "break";
            case PLANNED_MAINTENANCE -> "planned maintenance";
            case NO_ORDERS -> "no orders";
            default -> "reason " + code;
        };
    }
}
