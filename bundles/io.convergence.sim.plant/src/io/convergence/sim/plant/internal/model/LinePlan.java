package io.convergence.sim.plant.internal.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a line is told to do, and where it tells what it did: the plant's side of its coupling to
 * whoever plans it (the simulated ERP, bundle {@code io.convergence.sim.erp}, registers one as a
 * service). The plant depends on nothing of the planner; the planner implements this interface.
 *
 * <p>Every method is called on the plant's tick thread, ten times a second: answers must come from
 * memory, and reports must be handed off, never written on the caller's thread. Times are epoch
 * milliseconds on the plant's clock.
 */
public interface LinePlan {

    /** The path of the line the plan is for, such as {@code acme/lyon/packaging/line1}. */
    String line();

    /**
     * The order the line is to work on next: one already running on it (after a restart of the
     * plant) unless it is {@code previous}, else the first released one not yet started and not
     * {@code previous}.
     *
     * @param previous the order the line finished last; {@code null} when it has finished none
     * @return null when there is nothing to do
     */
    @Nullable PlannedOrder nextOrder(@Nullable String previous, long millis);

    /** The planned stop (break, maintenance) the calendar has for the line at {@code millis}, if any. */
    @Nullable PlannedWindow plannedStopAt(long millis);

    /** The ids of the shifts the calendar has for the line at {@code millis}; shifts may overlap. */
    List<String> shiftsAt(long millis);

    /**
     * Whether the line may go on with an order it has: false once the planner cancelled it (or
     * otherwise took it away). Asked at every tick while the line has an order; the line drops one
     * that is not, without finishing it, and goes on with the next.
     */
    default boolean runnable(String orderId) {
        return true;
    }

    /** The line started an order (its changeover, if any, begins now). */
    void orderStarted(String orderId, long millis);

    /** The line finished an order: it counted the ordered quantity of good units. */
    void orderCompleted(String orderId, long millis);

    /** The line's counting machine stood still from {@code stop.startMillis()} to its end. */
    void stopped(LineStop stop);

    /** What the line did since the last call, per order and per shift: add it to what is known. */
    void account(List<LineTruth> deltas);

    /**
     * An order as the line needs it.
     *
     * @param goodDone good units already made for it (when a restarted plant resumes it)
     * @param idealCycleSeconds the product's ideal cycle time: the line runs at a fixed fraction of
     *     the rate it gives
     * @param changeoverSeconds how long changing the line over to the product takes
     */
    record PlannedOrder(String id, String product, long quantity, long goodDone, double idealCycleSeconds,
                        double changeoverSeconds) {

        /** @throws IllegalArgumentException if a figure is out of range */
        public PlannedOrder {
            if (quantity <= 0 || goodDone < 0 || !(idealCycleSeconds > 0) || !(changeoverSeconds >= 0)) {
                throw new IllegalArgumentException("order " + id + ": quantity " + quantity + ", good done "
                    + goodDone + ", ideal cycle " + idealCycleSeconds + " s, changeover " + changeoverSeconds + " s");
            }
        }
    }

    /**
     * A planned stop of the calendar.
     *
     * @param reason the {@link DownReason} code the machines show meanwhile
     */
    record PlannedWindow(String id, int reason, long startMillis, long endMillis) {
    }
}
