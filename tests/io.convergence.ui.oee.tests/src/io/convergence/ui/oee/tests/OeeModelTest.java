package io.convergence.ui.oee.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import io.convergence.api.oee.Definition;
import io.convergence.api.oee.Losses;
import io.convergence.api.oee.OeeException;
import io.convergence.api.oee.OeeFigures;
import io.convergence.api.oee.Period;
import io.convergence.api.point.PointPath;
import io.convergence.testing.ui.TestOee;
import io.convergence.ui.common.BusinessFormat;
import io.convergence.ui.oee.internal.model.Grade;
import io.convergence.ui.oee.internal.model.OeePage;
import io.convergence.ui.oee.internal.model.OeeSnapshot;
import io.convergence.ui.oee.internal.model.Step;
import io.convergence.ui.oee.internal.model.Tile;
import io.convergence.ui.oee.internal.model.Waterfall;

import org.junit.jupiter.api.Test;

/** What the OEE view writes and draws, from figures worked out by hand; no display needed. */
class OeeModelTest {

    private static final PointPath LINE = PointPath.parse("acme/lyon/packaging/line1");
    private static final Instant SIX = Instant.parse("2026-03-03T06:00:00Z");
    private final OeePage page = new OeePage(new BusinessFormat(Locale.UK, ZoneOffset.UTC));

    @Test
    void theWaterfallGoesFromPlannedTimeThroughTheSixLossesToFullyProductiveTime() {
        // 7.5 h planned; 40 min breakdowns, 20 min setup, 5 min small stops, 25 min slow running,
        // 2 min start-up rejects, 3 min other rejects: 5 h 55 min fully productive.
        List<Step> steps = Waterfall.of(27_000, new Losses(2400, 1200, 300, 1500, 120, 180));
        assertEquals(List.of("Planned time", "Breakdowns", "Setup and adjustments", "Small stops", "Reduced speed",
            "Start-up rejects", "Production rejects", "Fully productive"), steps.stream().map(Step::label).toList());
        assertEquals(new Step("Planned time", 0, 27_000, Step.Kind.PLANNED, null, 1), steps.get(0));
        assertEquals(24_600, steps.get(1).bottom(), 1e-9);
        assertEquals(27_000, steps.get(1).top(), 1e-9);
        assertEquals(23_400, steps.get(2).bottom(), 1e-9);
        assertEquals(21_300, steps.get(6).bottom(), 1e-9);
        assertEquals(new Step("Fully productive", 0, 21_300, Step.Kind.PRODUCTIVE, null, 21_300 / 27_000.0), steps.get(7));
        assertEquals("1 h 30 min\n5.6 %", page.stepValue(new Step("x", 0, 5400, Step.Kind.LOSS, null, 5400 / 97_200.0)));
    }

    @Test
    void lossesLargerThanThePlannedTimeLeaveNothingProductiveNotLessThanNothing() {
        List<Step> steps = Waterfall.of(3600, new Losses(3000, 1200, 0, 0, 0, 0));
        assertEquals(600, steps.get(2).seconds(), 1e-9);
        assertEquals(0, steps.get(7).top(), 1e-9);
    }

    @Test
    void tilesWritePercentagesWithOneDecimalAndGradeThemAgainstTheWorldClassMarks() {
        OeeFigures f = TestOee.figures(LINE, Period.SHIFT, SIX, SIX.plusSeconds(8 * 3600), true, "A", null, "P-330",
            Definition.COMMON, 27_000, 22_950, 1.2, 17_000, 16_830, 0.3);
        // A = 22950/27000 = 85.0 %, P = 1.2 x 17000 / 22950 = 88.9 %, Q = 16830/17000 = 99.0 %, OEE = 74.8 %
        List<Tile> tiles = page.tiles(f);
        assertEquals(List.of("85.0 %", "88.9 %", "99.0 %", "74.8 %"), tiles.stream().map(Tile::value).toList());
        assertEquals(List.of(Grade.FAIR, Grade.FAIR, Grade.GOOD, Grade.FAIR), tiles.stream().map(Tile::grade).toList());
        assertEquals(Grade.POOR, Grade.of(Grade.Factor.OEE, 0.55));
        assertEquals(List.of("\u2014", "\u2014", "\u2014", "\u2014"), page.tiles(null).stream().map(Tile::value).toList());
        assertEquals("Current shift A  \u00b7  06:00\u201314:00  \u00b7  7 h 30 min planned", page.shiftHeading(f));
    }

    /**
     * A shift in its planned maintenance since it began has no planned production time: nothing was
     * lost, and its figures are not 0 % (the engine's value for "no time to measure against"), so the
     * tiles show dashes, ungraded, not a red zero.
     */
    @Test
    void aPeriodWithoutPlannedTimeShowsDashesNotARedZero() {
        OeeFigures f = new OeeFigures(LINE, Period.SHIFT, SIX, SIX.plusSeconds(900), false, "A", null, null,
            Definition.COMMON, 0, 0, 0, 0, 0, 0, 0, 1, 0, new Losses(0, 0, 0, 0, 0, 0));
        List<Tile> tiles = page.tiles(f);
        assertEquals(List.of("\u2014", "\u2014", "\u2014", "\u2014"), tiles.stream().map(Tile::value).toList());
        assertEquals(page.tiles(null).stream().map(Tile::grade).toList(), tiles.stream().map(Tile::grade).toList());
        assertEquals("Current shift A  \u00b7  since 06:00  \u00b7  0 s planned", page.shiftHeading(f));
    }

    @Test
    void theDefinitionInUseIsSpelledOut() throws OeeException {
        Instant now = SIX.plusSeconds(3 * 3600);
        TestOee common = new TestOee(LINE, List.of()).realistic(now, "4711", "P-330");
        assertTrue(page.definition(OeeSnapshot.read(common, null, now)).startsWith("Definition: common"));
        TestOee iso = new TestOee(LINE, List.of()).definition(Definition.ISO22400).realistic(now, "4711", "P-330");
        OeeSnapshot s = OeeSnapshot.read(iso, null, now);
        assertTrue(page.definition(s).startsWith("Definition: ISO 22400-2"), page.definition(s));
        assertEquals(10, s.shifts().size());
        assertEquals("A (now)", page.shiftLabels(s)[9]);
        assertEquals("Mon A", page.shiftLabels(s)[6]);
    }

    @Test
    void withoutAServiceOrALineOrWhenTheServiceRefusesTheSnapshotSaysWhy() {
        Instant now = SIX;
        assertEquals(OeeSnapshot.Status.NO_SERVICE, OeeSnapshot.read(null, null, now).status());
        assertEquals("The OEE service is not running", page.message(OeeSnapshot.read(null, null, now)).title());
        TestOee other = new TestOee(LINE, List.of()) {
            @Override
            public List<PointPath> lines() {
                return List.of(PointPath.parse("acme/lyon/packaging/line9"));
            }
        };
        OeeSnapshot failed = OeeSnapshot.read(other, null, now);
        assertEquals(OeeSnapshot.Status.FAILED, failed.status());
        assertEquals("line acme/lyon/packaging/line9 has no OEE configuration", page.message(failed).text());
    }
}
