package io.convergence.ui.trend.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.convergence.api.point.Quality;
import io.convergence.ui.trend.internal.model.Decimator;
import io.convergence.ui.trend.internal.model.Trace;

import org.junit.jupiter.api.Test;

/** Min/max per pixel column: what the user sees must be what the full data would draw. */
class DecimatorTest {

    private static final byte GOOD = (byte) Quality.GOOD.ordinal();
    private static final byte BAD = (byte) Quality.BAD.ordinal();
    private static final byte UNCERTAIN = (byte) Quality.UNCERTAIN.ordinal();

    @Test
    void keepsTheExactMinAndMaxOfEveryColumnAndAtMostFourPoints() {
        int n = 1_000_000;
        long[] t = new long[n];
        double[] v = new double[n];
        Random r = new Random(1);
        for (int i = 0; i < n; i++) {
            t[i] = 1_700_000_000_000_000L + i * 7L;
            v[i] = r.nextGaussian() + Math.sin(i / 5000.0) * 3;
        }
        long from = t[0];
        long to = t[n - 1] + 1;
        int columns = 997;
        Trace.Builder b = Trace.builder(16);
        assertEquals(n, Decimator.decimate(t, v, null, 0, n, from, to, columns, b));
        Trace out = b.build();
        assertTrue(out.size() <= 4 * columns, "points: " + out.size());

        double[] min = new double[columns];
        double[] max = new double[columns];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            int c = column(t[i], from, to, columns);
            min[c] = Math.min(min[c], v[i]);
            max[c] = Math.max(max[c], v[i]);
        }
        double[] outMin = new double[columns];
        double[] outMax = new double[columns];
        int[] count = new int[columns];
        java.util.Arrays.fill(outMin, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(outMax, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < out.size(); i++) {
            assertFalse(out.isBreak(i), "no break in good data");
            int c = column(out.time(i), from, to, columns);
            outMin[c] = Math.min(outMin[c], out.value(i));
            outMax[c] = Math.max(outMax[c], out.value(i));
            count[c]++;
            if (i > 0) {
                assertTrue(out.time(i) > out.time(i - 1), "strictly in time order at " + i);
            }
        }
        for (int c = 0; c < columns; c++) {
            assertEquals(min[c], outMin[c], "min of column " + c);
            assertEquals(max[c], outMax[c], "max of column " + c);
            assertTrue(count[c] >= 1 && count[c] <= 4, "points in column " + c + ": " + count[c]);
        }
    }

    @Test
    void aOneSampleSpikeInTenMillionIsNeverLost() {
        int n = 10_000_000;
        long[] t = new long[n];
        double[] v = new double[n];
        Random r = new Random(2);
        for (int i = 0; i < n; i++) {
            t[i] = i * 100L;
            v[i] = r.nextDouble();
        }
        int up = 7_654_321;
        int down = 1_234_567;
        v[up] = 50;
        v[down] = -50;
        Trace.Builder b = Trace.builder(16);
        Decimator.decimate(t, v, null, 0, n, 0, n * 100L, 1200, b);
        Trace out = b.build();
        assertTrue(out.size() <= 4 * 1200, "points: " + out.size());
        assertTrue(contains(out, t[up], 50), "upward spike kept at its time");
        assertTrue(contains(out, t[down], -50), "downward spike kept at its time");
    }

    @Test
    void aColumnsPointsComeInTimeOrderFirstExtremesLast() {
        long[] t = {0, 1, 2, 3, 4};
        double[] v = {5, 9, 1, 7, 6};
        Trace.Builder b = Trace.builder(4);
        Decimator.decimate(t, v, null, 0, 5, 0, 10, 1, b);
        Trace out = b.build();
        assertEquals(4, out.size());
        assertEquals(List.of(5.0, 9.0, 1.0, 6.0), values(out), "first, max (earlier), min, last");
        assertEquals(List.of(0L, 1L, 2L, 4L), times(out));
    }

    @Test
    void gapsBreakTheLineAndAreReportedAsBadSpans() {
        long[] t = {0, 10, 20, 30, 40, 50, 60};
        double[] v = {1, 2, Double.NaN, Double.NaN, 3, 4, 5};
        byte[] q = {GOOD, GOOD, BAD, BAD, GOOD, GOOD, GOOD};
        Trace.Builder b = Trace.builder(4);
        Decimator.decimate(t, v, q, 0, t.length, 0, 70, 70, b);
        Trace out = b.build();
        int[][] segments = out.segments();
        assertEquals(2, segments.length, "two pieces, not bridged: " + values(out));
        assertEquals(2.0, out.value(segments[0][1] - 1), "first piece ends before the gap");
        assertEquals(3.0, out.value(segments[1][0]), "second piece starts after it");
        assertEquals(1, out.badSpans());
        assertEquals(20, out.badFrom(0));
        assertEquals(40, out.badTo(0), "the span lasts until the next good sample");
    }

    @Test
    void badQualityBreaksEvenWithAValueButUncertainIsDrawn() {
        long[] t = {0, 10, 20, 30, 40};
        double[] v = {1, 2, 99, 3, 4};
        byte[] q = {GOOD, UNCERTAIN, BAD, GOOD, GOOD};
        Trace.Builder b = Trace.builder(4);
        Decimator.decimate(t, v, q, 0, t.length, 0, 50, 50, b);
        Trace out = b.build();
        assertEquals(2, out.segments().length);
        assertFalse(values(out).contains(99.0), "a bad value is not drawn");
        assertTrue(values(out).contains(2.0), "an uncertain one is");
    }

    @Test
    void aGapInsideOneColumnStillBreaksIt() {
        long[] t = {0, 1, 2, 3, 4, 5};
        double[] v = {1, 8, Double.NaN, 2, 9, 3};
        Trace.Builder b = Trace.builder(4);
        Decimator.decimate(t, v, null, 0, t.length, 0, 100, 1, b);
        Trace out = b.build();
        assertEquals(2, out.segments().length, values(out).toString());
        assertEquals(1, out.badSpans());
    }

    @Test
    void onlySamplesInTheRangeCount() {
        long[] t = {0, 10, 20, 30, 40};
        double[] v = {1, 2, 3, 4, 5};
        Trace.Builder b = Trace.builder(4);
        assertEquals(2, Decimator.decimate(t, v, null, 0, 5, 10, 30, 10, b));
        assertEquals(List.of(2.0, 3.0), values(b.build()));
        Trace.Builder none = Trace.builder(4);
        assertEquals(0, Decimator.decimate(t, v, null, 0, 5, 100, 200, 10, none));
        assertEquals(0, none.build().size());
    }

    static int column(long t, long from, long to, int columns) {
        return (int) Math.min(columns - 1, (long) ((t - from) * ((double) columns / (to - from))));
    }

    static boolean contains(Trace t, long time, double value) {
        for (int i = 0; i < t.size(); i++) {
            if (t.time(i) == time && t.value(i) == value) {
                return true;
            }
        }
        return false;
    }

    static List<Double> values(Trace t) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(t.value(i));
        }
        return out;
    }

    static List<Long> times(Trace t) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(t.time(i));
        }
        return out;
    }
}
