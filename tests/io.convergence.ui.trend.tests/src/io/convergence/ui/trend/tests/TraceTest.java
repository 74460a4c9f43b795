package io.convergence.ui.trend.tests;

import static io.convergence.ui.trend.tests.DecimatorTest.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;

import io.convergence.api.historian.Bucket;
import io.convergence.ui.trend.internal.model.BucketTraces;
import io.convergence.ui.trend.internal.model.Trace;

import org.junit.jupiter.api.Test;

/** Traces, and traces made from the historian's buckets. */
class TraceTest {

    @Test
    void breaksSplitSegmentsAndDoubleBreaksCollapse() {
        Trace t = Trace.builder(2).breakLine().add(0, 1).add(1, 2).breakLine().breakLine().add(2, 3).breakLine().build();
        assertEquals(5, t.size(), "a leading break is dropped and repeated breaks are one");
        int[][] s = t.segments();
        assertEquals(2, s.length);
        assertArrayEquals(new int[] {0, 2}, s[0]);
        assertArrayEquals(new int[] {3, 4}, s[1]);
    }

    @Test
    void valueRangeLooksOnlyInsideTheWindow() {
        Trace t = Trace.builder(4).add(0, 100).add(10, 2).add(20, 5).add(30, -100).build();
        assertArrayEquals(new double[] {2, 5}, t.valueRange(10, 30));
        assertNull(t.valueRange(40, 50));
    }

    @Test
    void badSpansMerge() {
        Trace t = Trace.builder(2).bad(0, 10).bad(5, 20).bad(20, 25).bad(40, 40).build();
        assertEquals(2, t.badSpans());
        assertEquals(0, t.badFrom(0));
        assertEquals(25, t.badTo(0));
        assertEquals(40, t.badFrom(1));
    }

    @Test
    void aBucketBecomesFirstExtremesLastInOneColumn() {
        Trace.Builder b = Trace.builder(4);
        BucketTraces.add(List.of(new Bucket(at(1_000), 100, -2, 7, 1, 3, 5, 0),
            new Bucket(at(2_000), 100, -1, 4, 1, 4, -1, 0)), 1_000, b);
        Trace t = b.build();
        assertEquals(List.of(3.0, -2.0, 7.0, 5.0, 4.0, 4.0, -1.0, -1.0), values(t),
            "rising bucket: min before max; falling bucket: max before min");
        assertEquals(1_000, t.time(0));
        assertEquals(1_999, t.time(3), "last at the bucket's end");
        assertArrayEquals(new double[] {-2, 7}, t.valueRange(0, 5_000), "exact min and max");
    }

    @Test
    void aBucketOfGapsBreaksTheLineAndAMixedOneStandsAlone() {
        Trace.Builder b = Trace.builder(4);
        BucketTraces.add(List.of(
            new Bucket(at(0), 10, 0, 1, 0.5, 0, 1, 0),
            new Bucket(at(1_000), 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 3),
            new Bucket(at(2_000), 10, 0, 1, 0.5, 0, 1, 0),
            new Bucket(at(3_000), 5, 0, 1, 0.5, 0, 1, 2),
            new Bucket(at(4_000), 1, 2, 2, 2, 2, 2, 0)), 1_000, b);
        Trace t = b.build();
        assertEquals(4, t.segments().length, "before the gap, after it, the mixed bucket alone, the last: " + values(t));
        assertEquals(2, t.badSpans());
        assertEquals(1_000, t.badFrom(0));
        assertEquals(3_000, t.badFrom(1));
    }

    private static Instant at(long micros) {
        return Instant.ofEpochSecond(0, micros * 1_000);
    }
}
