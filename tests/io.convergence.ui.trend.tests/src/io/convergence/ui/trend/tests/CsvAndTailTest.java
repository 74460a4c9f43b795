package io.convergence.ui.trend.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;
import java.util.function.Function;

import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.ui.trend.internal.model.CsvWriter;
import io.convergence.ui.trend.internal.model.Frame;
import io.convergence.ui.trend.internal.model.FrameBuilder;
import io.convergence.ui.trend.internal.model.HistorySlice;
import io.convergence.ui.trend.internal.model.LiveTail;
import io.convergence.ui.trend.internal.model.TimeWindow;
import io.convergence.ui.trend.internal.model.Trace;
import io.convergence.ui.trend.internal.model.TrendModel;

import org.junit.jupiter.api.Test;

/** CSV rows merged by time, the live tail, and frames that join history and live samples. */
class CsvAndTailTest {

    @Test
    void csvHasATimeColumnAndOneColumnPerPenWithARowPerDistinctTime() throws Exception {
        StringWriter out = new StringWriter();
        long rows = CsvWriter.write(out, List.of("a/temp [°C]", "b/flow, total"), List.of(
            source(new long[] {0, 1_000_000, 2_000_000}, new double[] {20.5, 21, Double.NaN}, new boolean[] {false, false, true}),
            source(new long[] {1_000_000, 1_500_000}, new double[] {3, 1e-7}, new boolean[] {false, false})), () -> false);
        assertEquals(4, rows);
        assertEquals("""
            time,a/temp [°C],"b/flow, total"
            1970-01-01T00:00:00Z,20.5,
            1970-01-01T00:00:01Z,21,3
            1970-01-01T00:00:01.500Z,,1.0E-7
            1970-01-01T00:00:02Z,,
            """, out.toString());
    }

    @Test
    void theTailDropsItsOldestQuarterWhenFullAndSaysFromWhenItIsComplete() {
        LiveTail t = new LiveTail(500, 8);
        assertEquals(500, t.coveredFrom());
        for (int i = 0; i < 10; i++) {
            t.add(1000 + i, i, Quality.GOOD);
        }
        assertEquals(8, t.size());
        assertEquals(1002, t.coveredFrom(), "after dropping, complete from its oldest sample");
        t.add(1005, 99, Quality.GOOD);
        LiveTail.Samples s = t.copy(1005, 1007);
        assertArrayEquals(new long[] {1005, 1005, 1006}, s.times(), "a late sample is put in its place");
    }

    @Test
    void aFrameDrawsHistoryThenTheTailFromWhereHistoryEnds() {
        TrendModel m = new TrendModel(10_000_000);
        PointPath p = PointPath.of("p");
        m.add(p, "bar", "");
        m.show(new TimeWindow(0, 10_000_000));
        Trace history = Trace.builder(4).add(1_000_000, 5).add(2_000_000, 6).build();
        HistorySlice slice = new HistorySlice(-10_000_000, 20_000_000, 1_000, history, 2_000_000, 2);
        LiveTail tail = new LiveTail(1_500_000);
        tail.add(1_800_000, 100, Quality.GOOD);
        tail.add(3_000_000, 7, Quality.GOOD);
        tail.add(4_000_000, Double.NaN, Quality.BAD);
        tail.add(5_000_000, 8, Quality.GOOD);
        Function<PointPath, HistorySlice> h = q -> slice;
        Frame f = FrameBuilder.build(m, h, q -> tail, 100);
        Trace t = f.pens().get(0).trace();
        assertEquals(List.of(5.0, 6.0, 7.0, Double.NaN, 8.0), DecimatorTest.values(t),
            "tail samples before the history's end are not drawn twice");
        assertArrayEquals(new double[] {5, 8}, f.pens().get(0).range());
        double[] y = f.yRanges().get("bar");
        assertTrue(y[0] < 5 && y[0] > 4.5 && y[1] > 8 && y[1] < 8.5, "fitted with a small margin: " + y[0] + ".." + y[1]);
        assertEquals(1, t.badSpans());
    }

    static CsvWriter.Source source(long[] t, double[] v, boolean[] bad) {
        return new CsvWriter.Source() {
            int i = -1;

            @Override
            public boolean advance() {
                return ++i < t.length;
            }

            @Override
            public long time() {
                return t[i];
            }

            @Override
            public double value() {
                return v[i];
            }

            @Override
            public boolean bad() {
                return bad[i];
            }
        };
    }
}
