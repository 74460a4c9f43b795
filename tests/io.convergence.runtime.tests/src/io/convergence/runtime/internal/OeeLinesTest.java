package io.convergence.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.convergence.api.oee.Definition;
import io.convergence.api.oee.Losses;
import io.convergence.api.oee.OeeFigures;
import io.convergence.api.oee.OeeService;
import io.convergence.api.oee.Period;
import io.convergence.api.oee.Stop;
import io.convergence.api.point.PointPath;

import org.junit.jupiter.api.Test;

/** The demo's OEE lines: its status line and the last lines it prints. */
class OeeLinesTest {

    private static final PointPath LINE = PointPath.parse("acme/lyon/packaging/line1");
    private static final Instant SHIFT_START = Instant.parse("2026-12-07T05:00:00Z");

    /** The figures of a running shift so far, as the OEE model computes them. */
    private static OeeFigures shiftSoFar(double planned, double run, long total, long good, double a, double p, double q) {
        return new OeeFigures(LINE, Period.SHIFT, SHIFT_START, SHIFT_START.plusSeconds(3_300), false, "A", null, null,
            Definition.COMMON, planned, run, 1.2, total, good, a, p, q, a * p * q, Losses.NONE);
    }

    /** An OEE service answering the current shift from a map; nothing else is asked of it here. */
    private static OeeService currentShifts(Map<PointPath, OeeFigures> current) {
        return new OeeService() {
            @Override
            public List<PointPath> lines() {
                return List.of(LINE);
            }

            @Override
            public List<OeeFigures> figures(PointPath line, Period period, Instant from, Instant to) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<OeeFigures> current(PointPath line, Period period) {
                return period == Period.SHIFT ? Optional.ofNullable(current.get(line)) : Optional.empty();
            }

            @Override
            public List<Stop> stops(PointPath line, Instant from, Instant to) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void reassign(PointPath line, Instant stopStart, String reasonCode) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void split(PointPath line, Instant stopStart, Instant at, String reasonCode) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void aShiftWithFiguresIsSummedUpInBoth() {
        OeeService oee = currentShifts(Map.of(LINE, shiftSoFar(3_000, 2_700, 2_000, 1_960, 0.9, 0.8889, 0.98)));
        assertEquals(List.of("oee: acme/lyon/packaging/line1 availability=0.9000 performance=0.8889 quality=0.9800 oee=0.7840"),
            OeeLines.summary(oee));
        assertEquals("  oee line1=0.784 (A=0.900 P=0.889 Q=0.980)", OeeLines.status(oee));
    }

    /**
     * A demo run inside the simulated calendar's weekly maintenance (Monday 06:00-08:00) ended with
     * "availability=0.0000 performance=0.0000 quality=1.0000 oee=0.0000", a line failing completely,
     * while its shift had no planned production time at all. Its status line already left the figures out.
     */
    @Test
    void aShiftWithoutPlannedTimeSoFarSaysSoInsteadOfZeros() {
        OeeService oee = currentShifts(Map.of(LINE, shiftSoFar(0, 0, 0, 0, 0, 0, 1)));
        assertEquals(List.of("oee: acme/lyon/packaging/line1 no figures yet (no planned production time in the shift so far:"
            + " a break, a planned stop, or its first moments)"), OeeLines.summary(oee));
        assertEquals("", OeeLines.status(oee));
    }

    @Test
    void aLineWithoutAShiftSaysSo() {
        assertEquals(List.of("oee: acme/lyon/packaging/line1 no figures yet (the line's shift has no data)"),
            OeeLines.summary(currentShifts(Map.of())));
        assertEquals(List.of(), OeeLines.summary(null));
    }
}
