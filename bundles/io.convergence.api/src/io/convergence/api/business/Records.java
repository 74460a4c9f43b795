package io.convergence.api.business;

import java.time.Instant;

/** Checks shared by the records of this package. */
final class Records {

    private Records() {
    }

    static String id(String kind, String id) {
        if (id.isBlank()) {
            throw new IllegalArgumentException(kind + " with an empty id");
        }
        return id;
    }

    static void window(String what, Instant start, Instant end) {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException(what + ": end " + end + " is not after start " + start);
        }
    }

    static void notNegative(String what, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be a finite number, 0 or more: " + value);
        }
    }

    static void positive(String what, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be a finite number above 0: " + value);
        }
    }

    /** Whether [start, end) overlaps [from, to). */
    static boolean overlaps(Instant start, Instant end, Instant from, Instant to) {
        return start.isBefore(to) && end.isAfter(from);
    }
}
