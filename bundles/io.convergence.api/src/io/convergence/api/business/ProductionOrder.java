package io.convergence.api.business;

import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * An order to make a quantity of a product on a line: a production order (ISA-95 work order).
 *
 * <p>Its time window is {@link #start()} to {@link #end()}: the actual times where the order has
 * them, else the planned ones; a running order's window is open at the end.
 *
 * @param id the order's number in the source
 * @param productId the {@link Product#id()} to make
 * @param workCenterId the {@link WorkCenter#id()} of the line it runs on
 * @param quantity how many good units are ordered
 * @param due when the order must be finished
 * @param plannedStart when the plan starts it; {@code null} while it is not scheduled
 * @param plannedEnd when the plan finishes it; {@code null} while it is not scheduled
 * @param actualStart when the line started it (the changeover to it included); {@code null} before
 * @param actualEnd when the line finished it; {@code null} before
 * @param state where the order stands
 */
public record ProductionOrder(String id, String productId, String workCenterId, long quantity, Instant due,
                              @Nullable Instant plannedStart, @Nullable Instant plannedEnd,
                              @Nullable Instant actualStart, @Nullable Instant actualEnd, State state) {

    /** Where an order stands, from planning to the end. */
    public enum State {
        /** Planned, not yet released to the line. */
        PLANNED,
        /** Released: the line may start it. */
        RELEASED,
        /** The line is working on it. */
        RUNNING,
        /** Finished. */
        COMPLETED,
        /** Called off; it will not run (further). */
        CANCELLED;

        /**
         * The state named by {@code text}, ignoring case and surrounding blanks.
         *
         * @throws IllegalArgumentException naming the states if the text names none
         */
        public static State parse(String text) {
            String t = text.strip().toUpperCase(Locale.ROOT);
            for (State s : values()) {
                if (s.name().equals(t)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("order state '" + text
                + "' is not one of planned, released, running, completed, cancelled");
        }
    }

    /**
     * @throws IllegalArgumentException if the id or a reference is empty, the quantity is not
     *     positive, or an end comes before its start
     */
    public ProductionOrder {
        Records.id("production order", id);
        Records.id("production order " + id + ": product", productId);
        Records.id("production order " + id + ": work centre", workCenterId);
        if (quantity <= 0) {
            throw new IllegalArgumentException("production order " + id + ": quantity must be above 0: " + quantity);
        }
        if (plannedStart != null && plannedEnd != null && plannedEnd.isBefore(plannedStart)) {
            throw new IllegalArgumentException("production order " + id + ": planned end " + plannedEnd
                + " is before planned start " + plannedStart);
        }
        if (actualEnd != null && (actualStart == null || actualEnd.isBefore(actualStart))) {
            throw new IllegalArgumentException("production order " + id + ": actual end " + actualEnd
                + " without an actual start at or before it");
        }
    }

    /** Where the order's window begins: the actual start, else the planned start; null if neither. */
    public @Nullable Instant start() {
        return actualStart != null ? actualStart : plannedStart;
    }

    /**
     * Where the order's window ends: the actual end, else {@link Instant#MAX} while it runs (or has
     * started), else the planned end; null if the order has no window.
     */
    public @Nullable Instant end() {
        if (actualEnd != null) {
            return actualEnd;
        }
        if (actualStart != null || state == State.RUNNING) {
            return Instant.MAX;
        }
        return plannedEnd;
    }

    /** Whether the order's window overlaps {@code [from, to)}. */
    public boolean overlaps(Instant from, Instant to) {
        Instant s = start();
        Instant e = end();
        return s != null && e != null && Records.overlaps(s, e, from, to);
    }

    /** Whether the line worked on the order at {@code time}: it had started and not yet finished. */
    public boolean runsAt(Instant time) {
        return actualStart != null && !time.isBefore(actualStart)
            && (actualEnd == null ? state == State.RUNNING : time.isBefore(actualEnd));
    }
}
