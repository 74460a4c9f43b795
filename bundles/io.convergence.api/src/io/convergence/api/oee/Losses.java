package io.convergence.api.oee;

/**
 * The six big losses of a period, in seconds of planned production time. Their sum with the fully
 * productive time is the planned production time: the steps of a loss waterfall.
 *
 * @param breakdownSeconds unplanned stops longer than the micro-stop limit whose reason is not a changeover
 * @param setupSeconds changeovers and adjustments (stops whose reason is of that kind)
 * @param smallStopSeconds stops shorter than the micro-stop limit (a performance loss)
 * @param reducedSpeedSeconds run time lost to running below the ideal rate
 * @param startupRejectSeconds ideal time of the units rejected soon after a start or changeover
 * @param productionRejectSeconds ideal time of the other rejected units
 */
public record Losses(double breakdownSeconds, double setupSeconds, double smallStopSeconds, double reducedSpeedSeconds,
                     double startupRejectSeconds, double productionRejectSeconds) {

    /** No losses. */
    public static final Losses NONE = new Losses(0, 0, 0, 0, 0, 0);

    /** All six added. */
    public double totalSeconds() {
        return breakdownSeconds + setupSeconds + smallStopSeconds + reducedSpeedSeconds + startupRejectSeconds
            + productionRejectSeconds;
    }
}
