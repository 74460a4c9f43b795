package io.convergence.api.oee;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.convergence.api.point.PointPath;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The OEE of the lines the OEE model is configured for: figures per period, stops, and the
 * operator's corrections. Registered by the OEE model's bundle. Reads do not block on computation:
 * they answer from what was computed and stored.
 */
@ProviderType
public interface OeeService {

    /** The lines with an OEE configuration, sorted. */
    List<PointPath> lines();

    /**
     * The figures of every period of one kind that overlaps {@code [from, to)}, sorted by start;
     * closed periods and, last, the running one when it overlaps.
     *
     * @throws OeeException if the line has no OEE configuration
     */
    List<OeeFigures> figures(PointPath line, Period period, Instant from, Instant to) throws OeeException;

    /** The running period of one kind (the current shift, the running order, this hour), if there is one. */
    Optional<OeeFigures> current(PointPath line, Period period) throws OeeException;

    /**
     * Every stop that overlaps {@code [from, to)}, sorted by start; the running one last.
     *
     * @throws OeeException if the line has no OEE configuration
     */
    List<Stop> stops(PointPath line, Instant from, Instant to) throws OeeException;

    /**
     * Sets the reason of the stop that started at {@code stopStart}. The periods it touches are
     * computed again, in the background; the correction is kept across restarts.
     *
     * @param reasonCode a code the line's reason codes hold
     * @throws OeeException naming what is wrong: no such line, no stop starting then, an unknown code
     */
    void reassign(PointPath line, Instant stopStart, String reasonCode) throws OeeException;

    /**
     * Splits the stop that started at {@code stopStart} at {@code at}: the part from {@code at} is a
     * stop of its own with the reason {@code reasonCode}; the periods it touches are computed again.
     *
     * @throws OeeException if there is no such stop, {@code at} is not inside it, or the code is unknown
     */
    void split(PointPath line, Instant stopStart, Instant at, String reasonCode) throws OeeException;
}
