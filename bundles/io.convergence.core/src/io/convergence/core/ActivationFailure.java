package io.convergence.core;

/**
 * Reads the failure SCR reports for a component that could not be activated (a stack trace as
 * text), for the command line and the configuration service to tell a user why, in one line.
 */
public final class ActivationFailure {

    private ActivationFailure() {
    }

    /**
     * The one line a user is told: the failure in our own words where an exception of ours says what
     * failed and where, else {@code "<what>: could not start: <message>"}.
     *
     * @param what names the component for a user, such as {@code "configuration io.convergence.sim.plant"}
     */
    public static String describe(String what, String trace) {
        String why = message(trace);
        return saysWhat(trace) ? why : what + ": could not start: " + why;
    }

    /**
     * The message that explains a stack trace text best: the deepest exception of ours (those say what
     * is wrong and where, in the user's words), else the deepest cause, else the first line.
     */
    static String message(String trace) {
        String best = trace.lines().findFirst().orElse(trace);
        boolean ours = best.startsWith("io.convergence.");
        for (String line : trace.lines().toList()) {
            if (line.startsWith("Caused by: ")) {
                String cause = line.substring("Caused by: ".length());
                if (cause.startsWith("io.convergence.") || !ours) {
                    best = cause;
                    ours = cause.startsWith("io.convergence.");
                }
            }
        }
        int colon = best.indexOf(": ");
        if (colon > 0 && best.substring(0, colon).matches("[\\w.$]+(Exception|Error)")) {
            best = best.substring(colon + 2);
        }
        return best;
    }

    /** Whether an exception of ours is in the trace: its message then names what failed and where. */
    static boolean saysWhat(String trace) {
        return trace.startsWith("io.convergence.") || trace.contains("\nCaused by: io.convergence.");
    }
}
