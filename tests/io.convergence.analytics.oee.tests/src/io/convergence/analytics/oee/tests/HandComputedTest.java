package io.convergence.analytics.oee.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.convergence.analytics.oee.core.Corrections;
import io.convergence.analytics.oee.core.LineEngine;
import io.convergence.api.business.LossCategory;
import io.convergence.api.oee.Definition;
import io.convergence.api.oee.Losses;
import io.convergence.api.oee.OeeFigures;
import io.convergence.api.oee.Period;
import io.convergence.api.oee.Stop;

import org.junit.jupiter.api.Test;

/**
 * OEE cases computed by hand (the figures in the comments), fed through the engine as a line would
 * feed it. Shifts A 06:00-14:00, B 14:00-22:00, C 22:00-06:00 UTC; ideal cycle 1 s unless said.
 */
class HandComputedTest {

    static final double EPS = 1e-9;

    /**
     * The worked example of docs/analytics/oee.md: shift A with a break 10:00-10:30, a 30-minute jam,
     * a 40-second micro-stop, a stop during the break, 100 start-up rejects after the order's start.
     */
    @Test
    void workedExampleOfTheDocs() {
        Line l = Line.of(60, "10:00-10:30");
        l.order("06:00", "PO-1").run("06:00").counts("06:00", 5_000, 4_000);
        l.counts("06:04:59", 5_300, 4_200);               // start-up window (300 s): 300 made, 100 rejected
        l.down("07:00").run("07:30");                      // breakdown 1,800 s
        l.state("09:00", LineEngine.STOPPED, "idle").run("09:00:40");   // micro-stop 40 s
        l.down("10:05").run("10:20");                      // inside the break: planned, no loss
        l.counts("13:59:59", 29_000, 27_500);              // 24,000 made, 23,500 good
        l.until("14:00");

        OeeFigures a = l.closed(Period.SHIFT, "A");
        assertEquals(27_000, a.plannedSeconds(), EPS, "8 h less the 30 min break");
        assertEquals(25_200, a.runSeconds(), EPS, "planned less the 1,800 s breakdown; the micro-stop counts as run time");
        assertEquals(24_000, a.totalCount());
        assertEquals(23_500, a.goodCount());
        assertEquals(25_200.0 / 27_000, a.availability(), EPS);
        assertEquals(24_000.0 / 25_200, a.performance(), EPS);
        assertEquals(23_500.0 / 24_000, a.quality(), EPS);
        assertEquals(23_500.0 / 27_000, a.oee(), EPS, "OEE is the fully productive time over the planned time");
        assertEquals(new Losses(1_800, 0, 40, 1_160, 100, 400), a.losses());
        assertEquals(27_000, a.losses().totalSeconds() + 23_500 * 1.0, EPS, "the waterfall adds up");
        assertTrue(a.complete());

        assertEquals(3, l.stops.size());
        Stop jam = l.stops.get(0);
        assertEquals(Instant.parse("2026-11-02T07:00:00Z"), jam.start());
        assertEquals(LossCategory.AVAILABILITY, jam.category());
        assertFalse(jam.micro());
        assertTrue(l.stops.get(1).micro());
        assertEquals(LossCategory.PERFORMANCE, l.stops.get(1).category());
        assertTrue(l.stops.get(2).planned(), "the stop in the break is planned");

        // Hours: 10:00-11:00 holds the break (1,800 s planned) and the stop inside it (no loss).
        OeeFigures ten = l.closed(Period.HOUR).stream().filter(f -> f.from().equals(Instant.parse("2026-11-02T10:00:00Z")))
            .findFirst().orElseThrow();
        assertEquals(1_800, ten.plannedSeconds(), EPS);
        assertEquals(1_800, ten.runSeconds(), EPS);
        assertEquals("A", ten.shift());
        assertEquals(8, l.closed(Period.HOUR).size());
    }

    @Test
    void iso22400TakesSetupsOutOfTheTimeAvailabilityIsMeasuredAgainst() {
        Line l = Line.of(Line.settings(60, 0, Definition.ISO22400, Set.of()), Map.of());
        l.order("06:00", "PO-1").down("06:00").counts("06:00", 0, 0).run("06:20").counts("13:59:59", 27_600, 27_600)
            .until("14:00");
        OeeFigures a = l.closed(Period.SHIFT, "A");
        assertEquals(28_800, a.plannedSeconds(), EPS);
        assertEquals(1_200, a.losses().setupSeconds(), EPS, "the stop between the order's start and its first run");
        assertEquals(27_600, a.runSeconds(), EPS);
        assertEquals(27_600.0 / (28_800 - 1_200), a.availability(), EPS, "ISO 22400: APT / PBT");
        assertEquals(Definition.ISO22400, a.definition());
    }

    @Test
    void breaksAreNotPlannedTimeWhateverTheLineDoes() {
        Line l = Line.of(0, "10:00-10:30", "12:00-12:15");
        l.run("06:00").counts("06:00", 0, 0).down("11:55").run("12:20").counts("13:59:59", 25_000, 25_000).until("14:00");
        OeeFigures a = l.closed(Period.SHIFT, "A");
        // 8 h less 45 min of breaks; the stop 11:55-12:20 costs only its 10 min outside the break.
        assertEquals(28_800 - 2_700, a.plannedSeconds(), EPS);
        assertEquals(600, a.losses().breakdownSeconds(), EPS);
        assertEquals(28_800 - 2_700 - 600, a.runSeconds(), EPS);
        assertFalse(l.stops.get(0).planned(), "part of it lay in production time");
    }

    @Test
    void aStopAcrossTheShiftBoundaryCountsInBothShiftsAndIsOneStop() {
        Line l = Line.of(60);
        l.run("06:00").counts("06:00", 0, 0).counts("13:29:59", 27_000, 27_000).down("13:30").run("14:45")
            .counts("21:59:59", 52_200, 52_200).until("22:00");
        OeeFigures a = l.closed(Period.SHIFT, "A");
        OeeFigures b = l.closed(Period.SHIFT, "B");
        assertEquals(1_800, a.losses().breakdownSeconds(), EPS);
        assertEquals(2_700, b.losses().breakdownSeconds(), EPS);
        assertEquals(27_000, a.runSeconds(), EPS);
        assertEquals(26_100, b.runSeconds(), EPS);
        assertEquals(27_000, a.totalCount());
        assertEquals(25_200, b.totalCount());
        assertEquals(1, l.stops.size());
        assertEquals(Instant.parse("2026-11-02T13:30:00Z"), l.stops.get(0).start());
        assertEquals(Instant.parse("2026-11-02T14:45:00Z"), l.stops.get(0).end());
    }

    @Test
    void countersAreDeltasThroughAWrapAndAReset() {
        // A 16-bit counter: 65,000 → 65,500 (+500) → 200 (+236, wrapped) → 400 (+200) → 10 (reset, +10) → 110 (+100).
        Line l = Line.of(Line.settings(0, 65_536, Definition.COMMON, Set.of()), Map.of());
        l.run("06:00");
        long[] readings = {65_000, 65_500, 200, 400, 10, 110};
        for (int i = 0; i < readings.length; i++) {
            l.engine.count(Line.t("07:0" + i), LineEngine.TOTAL, readings[i]);
            l.engine.count(Line.t("07:0" + i), LineEngine.GOOD, readings[i]);
        }
        l.until("14:00");
        assertEquals(1_046, l.closed(Period.SHIFT, "A").totalCount());

        // Without a modulus the decrease is a reset: 200 units since, not 236.
        Line r = Line.of(0);
        r.run("06:00");
        for (int i = 0; i < readings.length; i++) {
            r.engine.count(Line.t("07:0" + i), LineEngine.TOTAL, readings[i]);
            r.engine.count(Line.t("07:0" + i), LineEngine.GOOD, readings[i]);
        }
        r.until("14:00");
        assertEquals(1_010, r.closed(Period.SHIFT, "A").totalCount());
    }

    /**
     * Units made while nobody saw the line are not set against time that is not counted either. The
     * connection is lost at 07:00 (state and counters go bad: the engine is told the state is
     * unknown) and back at 07:10; the plant restarted at 07:03, so its counter starts again from zero
     * and reads 420 at 07:10. Run time: 06:00-07:00 and 07:10-08:00, 6,600 s; units: 3,599 before and
     * 2,999 after the first reading at 07:10, which is a new starting point, not a reset whose 420
     * units would be added (performance 7,018 / 6,600 = 106 %).
     */
    @Test
    void unitsMadeWhileTheStateIsUnknownAreNotCounted() {
        Line l = Line.of(0);
        l.run("06:00").counts("06:00", 0, 0).counts("06:59:59", 3_599, 3_599);
        l.state("07:00", LineEngine.UNKNOWN, "");
        l.run("07:10").counts("07:10", 420, 420).counts("07:59:59", 3_419, 3_419).until("08:00");
        OeeFigures h = l.closed(Period.HOUR).stream().filter(f -> f.from().equals(Instant.parse("2026-11-02T07:00:00Z")))
            .findFirst().orElseThrow();
        assertEquals(3_000, h.runSeconds(), EPS, "the ten minutes without a state are no run time");
        assertEquals(2_999, h.totalCount(), "the 420 units of the unseen minutes are not counted");
        l.counts("13:59:59", 3_419 + 21_600, 3_419 + 21_600).until("14:00");
        OeeFigures a = l.closed(Period.SHIFT, "A");
        assertEquals(28_800 - 600, a.runSeconds(), EPS);
        assertEquals(3_599 + 2_999 + 21_600, a.totalCount());
        assertTrue(a.performance() <= 1.0, "performance " + a.performance() + " above 100 %");

        // Counters that go on being read while the state is not known count nothing either.
        Line s = Line.of(0);
        s.run("06:00").counts("06:00", 0, 0).state("07:00", LineEngine.UNKNOWN, "").counts("07:05", 3_900, 3_900)
            .run("07:10").counts("07:10", 4_200, 4_200).counts("13:59:59", 28_799, 28_799).until("14:00");
        OeeFigures b = s.closed(Period.SHIFT, "A");
        assertEquals(28_800 - 600, b.runSeconds(), EPS);
        assertEquals(28_799 - 4_200, b.totalCount(), "counted from the first reading with a known state");
    }

    @Test
    void anOrderAcrossTwoShiftsHasItsOwnFiguresAndItsProductsIdealCycle() {
        // PO-7 runs 12:00-16:00 at an ideal of 2 s/unit; before it the line makes units of 1 s.
        Line l = Line.of(Line.settings(0, 0, Definition.COMMON, Set.of()), Map.of("PO-7", 2.0));
        l.run("06:00").counts("06:00", 0, 0).counts("11:59:59", 18_000, 18_000);
        l.order("12:00", "PO-7").counts("13:59:59", 21_000, 21_000);   // 3,000 units of 2 s
        l.counts("15:59:59", 24_000, 23_900).order("16:00", null).counts("21:59:59", 45_000, 44_900).until("22:00");

        OeeFigures o = l.closed(Period.ORDER, "PO-7");
        assertEquals(Instant.parse("2026-11-02T12:00:00Z"), o.from());
        assertEquals(Instant.parse("2026-11-02T16:00:00Z"), o.to());
        assertEquals(14_400, o.plannedSeconds(), EPS);
        assertEquals(6_000, o.totalCount());
        assertEquals(5_900, o.goodCount());
        assertEquals(2.0, o.idealCycleSeconds(), EPS);
        assertEquals(12_000.0 / 14_400, o.performance(), EPS);
        assertEquals("P-PO-7", o.product());

        OeeFigures a = l.closed(Period.SHIFT, "A");
        assertEquals(21_000, a.totalCount());
        // 18,000 units at 1 s and 3,000 at 2 s: 24,000 s of ideal time in 28,800 s of run.
        assertEquals(24_000.0 / 28_800, a.performance(), EPS);
        assertEquals(24_000.0 / 21_000, a.idealCycleSeconds(), EPS, "the weighted mean");
        assertNull(a.product(), "two products in the shift");
        OeeFigures b = l.closed(Period.SHIFT, "B");
        assertEquals(24_000, b.totalCount());
        assertEquals((3_000 * 2.0 + 21_000) / 28_800, b.performance(), EPS);
    }

    @Test
    void aChangeoverIsASetupLossAndTheRejectsAfterItAreStartUpRejects() {
        Line l = Line.of(Line.settings(60, 0, Definition.COMMON, Set.of()), Map.of("PO-2", 1.0));
        l.run("06:00").counts("06:00", 0, 0).counts("08:59:59", 10_800, 10_800);
        l.order("09:00", "PO-2").down("09:00").run("09:25");          // changeover 1,500 s
        l.counts("09:29:00", 11_040, 10_980);                          // 240 made, 60 rejected within 300 s of the start
        l.counts("13:59:59", 27_240, 27_080);                          // 16,200 more, 100 rejected later
        l.until("14:00");
        OeeFigures a = l.closed(Period.SHIFT, "A");
        assertEquals(1_500, a.losses().setupSeconds(), EPS);
        assertEquals(0, a.losses().breakdownSeconds(), EPS);
        assertEquals(60, a.losses().startupRejectSeconds(), EPS);
        assertEquals(100, a.losses().productionRejectSeconds(), EPS);
        assertEquals(27_300.0 / 28_800, a.availability(), EPS);
    }

    @Test
    void aMicroStopIsAPerformanceLossNotAnAvailabilityLoss() {
        Line l = Line.of(60);
        l.run("06:00").counts("06:00", 0, 0).down("08:00").run("08:00:59").down("09:00").run("09:01")
            .counts("13:59:59", 28_000, 28_000).until("14:00");
        OeeFigures a = l.closed(Period.SHIFT, "A");
        assertEquals(59, a.losses().smallStopSeconds(), EPS, "59 s: under the limit");
        assertEquals(60, a.losses().breakdownSeconds(), EPS, "60 s: at the limit, a breakdown");
        assertEquals(28_740, a.runSeconds(), EPS);
        assertEquals(28_740.0 / 28_800, a.availability(), EPS);
        assertEquals(28_000.0 / 28_740, a.performance(), EPS);
        assertTrue(l.stops.get(0).micro());
        assertFalse(l.stops.get(1).micro());
    }

    @Test
    void aMicroStopRunningAcrossTheShiftEndIsClassifiedBeforeTheShiftCloses() {
        Line l = Line.of(60);
        l.run("06:00").counts("06:00", 0, 0).down("13:59:30").until("14:00");
        assertTrue(l.closed(Period.SHIFT).isEmpty(), "shift A waits: its last stop may still be a micro-stop");
        l.run("14:00:20").until("14:01");
        OeeFigures a = l.closed(Period.SHIFT, "A");
        assertEquals(30, a.losses().smallStopSeconds(), EPS);
        assertEquals(0, a.losses().breakdownSeconds(), EPS);
    }

    @Test
    void aReassignedReasonMovesTheStopsTimeToItsLoss() {
        // Without correction the 20-minute stop is a breakdown; reassigned to the setup reason 4 it is a setup.
        Set<String> setup = Set.of("4");
        Line before = Line.of(Line.settings(60, 0, Definition.COMMON, setup), Map.of());
        before.run("06:00").reason("07:00", "1").down("07:00").run("07:20").until("14:00");
        assertEquals(1_200, before.closed(Period.SHIFT, "A").losses().breakdownSeconds(), EPS);
        assertEquals("1", before.stops.get(0).reasonCode());
        assertFalse(before.stops.get(0).corrected());

        Line after = Line.of(Line.settings(60, 0, Definition.COMMON, setup), Map.of());
        long start = Line.t("07:00");
        after.engine.corrections(new Corrections(List.of(new Corrections.Entry(start, Long.MIN_VALUE, "4"))));
        after.run("06:00").reason("07:00", "1").down("07:00").run("07:20").until("14:00");
        OeeFigures a = after.closed(Period.SHIFT, "A");
        assertEquals(0, a.losses().breakdownSeconds(), EPS);
        assertEquals(1_200, a.losses().setupSeconds(), EPS);
        assertEquals("4", after.stops.get(0).reasonCode());
        assertTrue(after.stops.get(0).corrected());
    }

    @Test
    void aSplitStopBecomesTwoStopsEachWithItsReason() {
        Line l = Line.of(Line.settings(60, 0, Definition.COMMON, Set.of("4")), Map.of());
        long start = Line.t("07:00");
        l.engine.corrections(new Corrections(List.of(new Corrections.Entry(start, Line.t("07:10"), "4"))));
        l.run("06:00").reason("07:00", "1").down("07:00").run("07:30").until("14:00");
        OeeFigures a = l.closed(Period.SHIFT, "A");
        assertEquals(600, a.losses().breakdownSeconds(), EPS);
        assertEquals(1_200, a.losses().setupSeconds(), EPS);
        assertEquals(2, l.stops.size());
        assertEquals("1", l.stops.get(0).reasonCode());
        assertEquals(Instant.parse("2026-11-02T07:10:00Z"), l.stops.get(0).end());
        assertEquals("4", l.stops.get(1).reasonCode());
        assertTrue(l.stops.get(1).corrected());
    }

    @Test
    void plannedStopStatesAndTimeOutsideStatesAreNotPlannedProductionTime() {
        Line l = Line.of(0);
        l.state("06:00", LineEngine.PLANNED, "maintenance").run("08:00").counts("08:00", 0, 0)
            .counts("13:59:59", 21_600, 21_600).until("14:00");
        OeeFigures a = l.closed(Period.SHIFT, "A");
        assertEquals(21_600, a.plannedSeconds(), EPS);
        assertEquals(1.0, a.availability(), EPS);
        assertTrue(l.stops.get(0).planned());
    }
}
