package io.convergence.api.oee;

/** The kind of time window a set of OEE figures covers. */
public enum Period {
    /** A shift of the line's calendar, from its start to its end, breaks included. */
    SHIFT,
    /** A production order's time on the line, from the start of its changeover to its end. */
    ORDER,
    /** A clock hour in the line's time zone. */
    HOUR
}
