package io.convergence.ui.downtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.convergence.api.business.LossCategory;
import io.convergence.api.business.ReasonCode;
import io.convergence.api.oee.Stop;
import io.convergence.api.point.PointPath;
import io.convergence.testing.ui.TestOee;
import io.convergence.ui.common.BusinessFormat;
import io.convergence.ui.downtime.internal.model.DowntimePage;
import io.convergence.ui.downtime.internal.model.DowntimeSnapshot;
import io.convergence.ui.downtime.internal.model.Pareto;
import io.convergence.ui.downtime.internal.model.Range;

import org.junit.jupiter.api.Test;

/** The Pareto, the stop list and the split checks of the Downtime view, from cases worked out by hand. */
class DowntimeModelTest {

    private static final PointPath LINE = PointPath.parse("acme/lyon/packaging/line1");
    private static final Instant NOON = Instant.parse("2026-03-03T12:00:00Z");
    private static final List<ReasonCode> REASONS = List.of(
        new ReasonCode("1", "jam", LossCategory.AVAILABILITY, false),
        new ReasonCode("3", "bearing fault", LossCategory.AVAILABILITY, false),
        new ReasonCode("4", "changeover", LossCategory.AVAILABILITY, false),
        new ReasonCode("10", "break", LossCategory.AVAILABILITY, true));
    private final DowntimePage page = new DowntimePage(new BusinessFormat(Locale.UK, ZoneOffset.UTC));

    @Test
    void theParetoSortsLargestFirstWithSharesAndARunningTotal() {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("jam", 600.0);
        v.put("bearing fault", 2400.0);
        v.put("changeover", 900.0);
        v.put("nothing", 0.0);
        v.put("material shortage", 900.0);
        List<Pareto.Bar> bars = Pareto.of(v);
        assertEquals(List.of("bearing fault", "changeover", "material shortage", "jam"),
            bars.stream().map(Pareto.Bar::label).toList());
        assertEquals(0.5, bars.get(0).share(), 1e-12);
        assertEquals(0.6875, bars.get(1).cumulative(), 1e-12);
        assertEquals(1.0, bars.get(3).cumulative(), 1e-12);
        assertEquals(List.of(), Pareto.of(Map.of("a", 0.0)));
    }

    @Test
    void byTimeCountsUnplannedStopsOnlyAndOnlyTheirPartInsideTheRange() throws Exception {
        TestOee oee = new TestOee(LINE, REASONS)
            .stop(NOON.minus(Duration.ofHours(25)), Duration.ofMinutes(90), "3", false)   // 30 min inside the last 24 h
            .stop(NOON.minus(Duration.ofHours(5)), Duration.ofMinutes(20), "1", false)
            .stop(NOON.minus(Duration.ofHours(4)), Duration.ofMinutes(30), "10", false)   // a break: planned
            .stop(NOON.minus(Duration.ofHours(3)), Duration.ofMinutes(25), "1", false)
            .stop(NOON.minus(Duration.ofMinutes(10)), null, "4", false);                   // still running: 10 min so far
        DowntimeSnapshot s = DowntimeSnapshot.read(new DowntimeSnapshot.Services(oee, oee, null), null, Range.DAY, NOON);
        List<Pareto.Bar> bars = DowntimePage.byTime(s);
        assertEquals(List.of("jam", "bearing fault", "changeover"), bars.stream().map(Pareto.Bar::label).toList());
        assertEquals(List.of(2700.0, 1800.0, 600.0), bars.stream().map(Pareto.Bar::value).toList());
        // the cost service's Pareto: 1800 s x (420 + 180) / h = 300 EUR for the bearing
        List<Pareto.Bar> cost = DowntimePage.byCost(s);
        assertEquals("jam", cost.get(0).label());
        assertEquals(300.0, cost.get(1).value(), 1e-9);
        assertEquals("No reason codes: the business data (ERP connector) is not available, so reasons cannot be changed now.",
            s.reasonsProblem());
        assertEquals("5 stops, 4 unplanned  \u00b7  1 h 25 min unplanned downtime  \u00b7  850 \u20ac", page.summary(s));

        List<DowntimePage.Row> rows = page.rows(s);
        assertEquals("running", rows.get(0).end());
        assertEquals("4 \u2014 changeover", rows.get(0).reason());
        assertEquals("planned", rows.get(2).note());
        assertEquals("Mon 2 Mar 11:00", rows.get(4).start());
    }

    @Test
    void aSplitTimeMustBeATimeOfDayInsideTheStop() {
        Stop stop = new Stop(LINE, Instant.parse("2026-03-03T23:50:00Z"), Instant.parse("2026-03-04T00:20:00Z"), "3",
            "bearing fault", LossCategory.AVAILABILITY, false, false, false);
        assertEquals("00:05:00", page.defaultSplit(stop, NOON));
        assertEquals(Instant.parse("2026-03-04T00:05:00Z"), page.splitAt("00:05", stop, NOON));
        assertEquals(Instant.parse("2026-03-03T23:55:30Z"), page.splitAt(" 23:55:30 ", stop, NOON));
        assertEquals("'12.5' is not a time of day: write it as HH:mm:ss, such as 10:42:30",
            assertThrows(IllegalArgumentException.class, () -> page.splitAt("12.5", stop, NOON)).getMessage());
        assertEquals("00:30 is not inside the stop (23:50:00 to 00:20:00)",
            assertThrows(IllegalArgumentException.class, () -> page.splitAt("00:30", stop, NOON)).getMessage());
        assertEquals("23:50 is not inside the stop (23:50:00 to 00:20:00)",
            assertThrows(IllegalArgumentException.class, () -> page.splitAt("23:50", stop, NOON)).getMessage());
    }
}
