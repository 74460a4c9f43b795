package io.convergence.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.convergence.api.point.JsonValue;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointFilter;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;

import org.junit.jupiter.api.Test;

/** Point filters, batch selection, JSON rows and the time helpers. */
class PointFilterTest {

    private static final PointPath LINE1 = PointPath.parse("acme/lyon/packaging/line1");
    private static final PointPath SPEED = LINE1.child("filler").child("speed");
    private static final PointPath STATE = LINE1.child("capper").child("state");
    private static final PointPath OTHER = PointPath.parse("acme/lyon/packaging/line2/filler/speed");

    @Test
    void pathsMatchExactlyAndPrefixesMatchEverythingBelowThemButNotTheirSiblings() {
        PointFilter exact = PointFilter.paths(SPEED);
        assertTrue(exact.matches(SPEED));
        assertFalse(exact.matches(STATE));
        assertFalse(exact.matches(LINE1), "a path is not a prefix");

        PointFilter below = PointFilter.prefixes(LINE1);
        assertTrue(below.matches(LINE1));
        assertTrue(below.matches(SPEED));
        assertTrue(below.matches(STATE));
        assertFalse(below.matches(OTHER));
        assertFalse(below.matches(PointPath.parse("acme/lyon/packaging/line10/x")), "whole segments only");

        PointFilter both = exact.or(PointFilter.prefixes(OTHER));
        assertTrue(both.matches(SPEED) && both.matches(OTHER) && !both.matches(STATE));
        assertTrue(PointFilter.all().matches(OTHER));
        assertFalse(PointFilter.none().matches(OTHER));
        assertTrue(PointFilter.none().isEmpty());
        assertEquals("acme/lyon/packaging/line1/filler/speed, acme/lyon/packaging/line2/filler/speed/**",
            both.toString());
    }

    @Test
    void selectKeepsTheMatchingRowsInOrderWithTheirValuesAndReturnsTheBatchWhenAllMatch() {
        SampleBatch batch = SampleBatch.builder(4)
            .add(SPEED, 1, 10.5, Quality.GOOD)
            .addText(STATE, 2, "running", Quality.GOOD)
            .add(OTHER, 3, 7, Quality.UNCERTAIN)
            .addJson(STATE, 4, "[1,2,3]", Quality.GOOD)
            .addGap(SPEED, 5)
            .build();
        SampleBatch line1 = batch.select(PointFilter.prefixes(LINE1));
        assertEquals(4, line1.size());
        assertEquals(List.of(1L, 2L, 4L, 5L), List.of(line1.timeMicros(0), line1.timeMicros(1), line1.timeMicros(2),
            line1.timeMicros(3)));
        assertEquals(10.5, line1.number(0));
        assertEquals("running", line1.value(1));
        assertEquals(new JsonValue("[1,2,3]"), line1.value(2), "a JSON row stays a JSON row");
        assertTrue(line1.isJson(2) && !line1.isJson(1));
        assertEquals("[1,2,3]", line1.json(2));
        assertEquals("[1,2,3]", line1.text(2), "1.0 consumers see the JSON as text");
        assertTrue(line1.isGap(3));
        assertSame(batch, batch.select(PointFilter.all()));
        assertSame(batch, batch.select(PointFilter.prefixes(PointPath.of("acme"))));
        assertTrue(batch.select(PointFilter.paths(PointPath.of("nowhere"))).isEmpty());
    }

    @Test
    void jsonRowsSurviveCopyingAndMixWithTextRows() {
        SampleBatch a = SampleBatch.builder(1).addJson(SPEED, 1, "{\"x\":1}", Quality.GOOD).build();
        SampleBatch copy = SampleBatch.builder(2).addText(STATE, 0, "idle", Quality.GOOD).addAll(a)
            .addValue(OTHER, 2, new JsonValue("[]"), Quality.BAD).build();
        assertFalse(copy.isJson(0));
        assertTrue(copy.isJson(1) && copy.isJson(2));
        assertEquals(new JsonValue("{\"x\":1}"), copy.sample(1).value());
        assertEquals(Quality.BAD, copy.quality(2));
    }

    @Test
    void microsRoundTowardsThePastOnBothSidesOfTheEpoch() {
        assertEquals(1_500_000L, Micros.of(java.time.Instant.ofEpochMilli(1_500)));
        assertEquals(-1L, Micros.of(java.time.Instant.ofEpochSecond(0, -1)), "1 ns before 1970 is the microsecond before");
        assertEquals(java.time.Instant.ofEpochSecond(-1, 999_999_000), Micros.toInstant(-1));
        assertEquals(-1L, Micros.toMillis(-1));
        long now = Micros.now();
        assertEquals(now, Micros.of(Micros.toInstant(now)));
    }
}
