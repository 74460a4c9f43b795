package io.convergence.ui.trend.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import io.convergence.api.point.PointPath;
import io.convergence.ui.trend.internal.model.Pen;
import io.convergence.ui.trend.internal.model.RangePreset;
import io.convergence.ui.trend.internal.model.TimeWindow;
import io.convergence.ui.trend.internal.model.TrendModel;
import io.convergence.ui.trend.internal.model.TrendState;
import io.convergence.ui.trend.internal.model.YScale;

import org.junit.jupiter.api.Test;

/** Pens, axes by unit, the time window, following now, and what is kept between sessions. */
class TrendModelTest {

    static final long NOW = 1_780_000_000_000_000L;
    static final long MIN = 60_000_000L;
    static final PointPath TEMP = PointPath.parse("acme/lyon/line1/filler/temperature");
    static final PointPath BEARING = PointPath.parse("acme/lyon/line1/filler/bearing_temperature");
    static final PointPath VIB = PointPath.parse("acme/lyon/line1/filler/vibration");

    @Test
    void pensHaveDistinctColoursAndPointsWithTheSameUnitShareAnAxis() {
        TrendModel m = new TrendModel(NOW);
        assertNotNull(m.add(TEMP, "°C", ""));
        assertNotNull(m.add(VIB, "mm/s", ""));
        assertNotNull(m.add(BEARING, "°C", ""));
        assertNull(m.add(TEMP, "°C", ""), "a point is drawn once");
        assertEquals(List.of("°C", "mm/s"), m.units());
        assertEquals(List.of(TEMP, BEARING), m.pensOn("°C").stream().map(Pen::path).toList());
        assertEquals(3, new HashSet<>(m.pens().stream().map(Pen::rgb).toList()).size(), "three colours");

        m.setScale("mm/s", YScale.of(0, 10));
        assertTrue(m.remove(VIB));
        assertEquals(List.of("°C"), m.units(), "the axis goes with its last pen");
        assertTrue(m.scale("mm/s").auto(), "and its range setting");
        Pen again = m.add(VIB, "mm/s", "");
        assertNotNull(again);
        assertFalse(m.pens().stream().filter(p -> p != again).anyMatch(p -> p.rgb() == again.rgb()),
            "a freed colour is reused, never a taken one");
    }

    @Test
    void aNewPenBringsItsAxisBackToFollowingTheData() {
        TrendModel m = new TrendModel(NOW);
        m.add(TEMP, "°C", "");
        m.setScale("°C", YScale.of(40, 41));
        m.add(BEARING, "°C", "");
        assertTrue(m.scale("°C").auto(), "else the new line could be out of view");
    }

    @Test
    void aTrendIsFullAtTwelvePens() {
        TrendModel m = new TrendModel(NOW);
        for (int i = 0; i < TrendModel.MAX_PENS; i++) {
            assertNotNull(m.add(PointPath.of("p" + i), "", ""));
        }
        assertNull(m.add(PointPath.of("one-more"), "", ""));
    }

    @Test
    void presetsFollowNowAndZoomKeepsTheRightEdgeThere() {
        TrendModel m = new TrendModel(NOW);
        m.showLast(RangePreset.LAST_1_H, NOW);
        assertEquals(new TimeWindow(NOW - 60 * MIN, NOW), m.window());
        assertTrue(m.follow());
        assertTrue(m.tick(NOW + MIN));
        assertEquals(new TimeWindow(NOW - 59 * MIN, NOW + MIN), m.window(), "slides with now");

        m.zoomTime(0.5, 0.2, NOW + MIN);
        assertEquals(new TimeWindow(NOW - 29 * MIN, NOW + MIN), m.window(), "right edge stays at now");
        assertTrue(m.follow());
        assertNull(m.preset(), "no longer the preset");
    }

    @Test
    void zoomKeepsTheTimeUnderTheCursorAndPanStopsFollowing() {
        TrendModel m = new TrendModel(NOW);
        m.show(new TimeWindow(0, 100 * MIN));
        m.zoomTime(0.5, 0.25, NOW);
        assertEquals(new TimeWindow(25 * MIN / 2, 25 * MIN / 2 + 50 * MIN), m.window());
        long anchor = 25 * MIN;
        TimeWindow w = m.window();
        assertEquals(anchor, w.from() + w.span() / 4, "the time under the cursor stays under it");

        m.showLast(RangePreset.LAST_5_MIN, NOW);
        m.panTime(-0.5);
        assertFalse(m.follow());
        assertEquals(new TimeWindow(NOW - 15 * MIN / 2, NOW - 5 * MIN / 2), m.window());
        m.setFollow(true, NOW + MIN);
        assertEquals(new TimeWindow(NOW + MIN - 5 * MIN, NOW + MIN), m.window(), "following again jumps to now");
    }

    @Test
    void zoomHasLimits() {
        TrendModel m = new TrendModel(NOW);
        m.show(new TimeWindow(0, 2_000));
        m.zoomTime(0.001, 0.5, NOW);
        assertEquals(TimeWindow.MIN_SPAN, m.window().span());
        m.zoomTime(1e12, 0.5, NOW);
        assertEquals(TimeWindow.MAX_SPAN, m.window().span());
    }

    @Test
    void yZoomAndPanWorkOnTheRangesShown() {
        TrendModel m = new TrendModel(NOW);
        m.add(TEMP, "°C", "");
        m.add(VIB, "mm/s", "");
        m.zoomY(Map.of("°C", new double[] {0, 100}, "mm/s", new double[] {0, 10}), 0.5, 0.0);
        assertEquals(YScale.of(0, 50), m.scale("°C"), "anchored at the bottom");
        assertEquals(YScale.of(0, 5), m.scale("mm/s"));
        m.panY(Map.of("°C", new double[] {0, 50}), 0.1);
        assertEquals(YScale.of(5, 55), m.scale("°C"));
        m.autoY();
        assertTrue(m.scale("°C").auto());
    }

    @Test
    void pensAndRangeSurviveARestart() {
        TrendModel m = new TrendModel(NOW);
        m.add(TEMP, "°C", "filler temperature");
        m.add(VIB, "mm/s", "");
        m.showLast(RangePreset.LAST_8_H, NOW);
        Map<String, String> saved = TrendState.save(m);

        TrendModel again = new TrendModel(NOW + 10 * MIN);
        TrendState.pens(saved).forEach(p -> again.add(p.path(), p.unit(), ""));
        TrendState.restoreRange(saved, again, NOW + 10 * MIN);
        assertEquals(List.of(TEMP, VIB), again.pens().stream().map(Pen::path).toList());
        assertEquals(List.of("°C", "mm/s"), again.units());
        assertEquals(RangePreset.LAST_8_H, again.preset());
        assertEquals(TimeWindow.ending(NOW + 10 * MIN, RangePreset.LAST_8_H.micros()), again.window());

        TrendModel fixed = new TrendModel(NOW);
        fixed.show(new TimeWindow(NOW - 3 * MIN, NOW - MIN));
        Map<String, String> s2 = TrendState.save(fixed);
        TrendModel restored = new TrendModel(NOW + 60 * MIN);
        TrendState.restoreRange(s2, restored, NOW + 60 * MIN);
        assertEquals(new TimeWindow(NOW - 3 * MIN, NOW - MIN), restored.window(), "a fixed window stays fixed");
        assertFalse(restored.follow());

        TrendModel zoomed = new TrendModel(NOW);
        zoomed.zoomTime(0.5, 1, NOW);
        Map<String, String> s3 = TrendState.save(zoomed);
        TrendModel r3 = new TrendModel(NOW + MIN);
        TrendState.restoreRange(s3, r3, NOW + MIN);
        assertTrue(r3.follow());
        assertEquals(TimeWindow.ending(NOW + MIN, 15 * MIN / 2), r3.window(), "a zoomed live window keeps its span");
    }

    @Test
    void damagedStateIsIgnored() {
        TrendModel m = new TrendModel(NOW);
        TimeWindow before = m.window();
        TrendState.restoreRange(Map.of(TrendState.RANGE, "LAST_CENTURY"), m, NOW);
        assertEquals(before, m.window());
        assertEquals(List.of(TEMP), TrendState.pens(Map.of(TrendState.PENS, "not//a path\t°C\n" + TEMP + "\t°C\n"))
            .stream().map(TrendState.SavedPen::path).toList());
        long v = m.version();
        m.tick(NOW);
        assertEquals(v, m.version(), "no change, no new version");
        m.tick(NOW + 1);
        assertNotEquals(v, m.version());
    }
}
