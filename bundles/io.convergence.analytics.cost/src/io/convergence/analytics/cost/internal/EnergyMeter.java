package io.convergence.analytics.cost.internal;

import java.time.Instant;

import io.convergence.api.oee.OeeException;
import io.convergence.api.point.PointPath;

/** The energy a line used over a time range and what it cost at the tariff in force. */
interface EnergyMeter {

    /** A line without an energy point. */
    EnergyMeter NONE = (book, from, to) -> Energy.NONE;

    /**
     * @param kwh energy used
     * @param cost each kWh at the price of the tariff period it was used in
     */
    record Energy(double kwh, double cost) {
        static final Energy NONE = new Energy(0, 0);
    }

    Energy use(LineBook book, Instant from, Instant to) throws OeeException;

    /** The point name an energy meter of a line or of one of its machines has, by default. */
    String DEFAULT_POINT_NAME = "energy";

    /** Whether a point is an energy meter of the line: {@code <line>/energy} or {@code <line>/<machine>/energy}. */
    static boolean isMeterOf(PointPath point, PointPath line, String name) {
        return point.name().equals(name) && point.startsWith(line)
            && (point.depth() == line.depth() + 1 || point.depth() == line.depth() + 2);
    }
}
