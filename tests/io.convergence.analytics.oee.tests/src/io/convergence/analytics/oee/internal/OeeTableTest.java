package io.convergence.analytics.oee.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.convergence.api.oee.Definition;
import io.convergence.api.oee.Losses;
import io.convergence.api.oee.OeeFigures;
import io.convergence.api.oee.Period;
import io.convergence.api.point.PointPath;

import org.junit.jupiter.api.Test;

/** The table {@code convergence oee} prints, as a user reads it. */
class OeeTableTest {

    private static final PointPath LINE = PointPath.parse("acme/lyon/packaging/line1");

    private static OeeFigures hour(String from, boolean complete, double planned, double run, long total, long good,
                                   double a, double p, double q) {
        Instant start = Instant.parse(from);
        return new OeeFigures(LINE, Period.HOUR, start, start.plusSeconds(3_600), complete, "A", null, null,
            Definition.COMMON, planned, run, 1.2, total, good, a, p, q, a * p * q, Losses.NONE);
    }

    private static List<String> table(List<OeeFigures> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OeeCommand.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), "table", rows);
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void anHourWithPlannedTimeShowsItsFigures() {
        List<String> lines = table(List.of(hour("2026-12-07T07:00:00Z", true, 36, 36, 235, 232, 1, 0.952, 0.987)));
        assertEquals("acme/lyon/packaging/line1    2026-12-07T07:00:00Z  A                 0.01      0.01       235"
            + "       232   1.000   0.952   0.987   0.940", lines.get(1));
    }

    /**
     * An hour inside the simulated calendar's weekly maintenance, and the running hour of a data folder
     * nothing was recorded in since: no planned production time. They printed "oee 0.000", a line
     * failing completely, where there was nothing to measure.
     */
    @Test
    void anHourWithoutPlannedTimeShowsDashesAndSaysWhy() {
        List<String> lines = table(List.of(
            hour("2026-12-07T06:00:00Z", true, 0, 0, 0, 0, 1, 0, 1),
            hour("2026-12-07T08:00:00Z", false, 0, 0, 0, 0, 0, 0, 1)));
        assertEquals("acme/lyon/packaging/line1    2026-12-07T06:00:00Z  A                 0.00      0.00         0"
            + "         0       -       -       -       -  (no planned time)", lines.get(1));
        assertEquals("acme/lyon/packaging/line1    2026-12-07T08:00:00Z  A                 0.00      0.00         0"
            + "         0       -       -       -       -  (running; no planned time so far)", lines.get(2));
    }
}
