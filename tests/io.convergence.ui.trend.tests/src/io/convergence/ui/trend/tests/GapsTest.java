package io.convergence.ui.trend.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.convergence.api.historian.Historian;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;
import io.convergence.testing.Osgi;
import io.convergence.ui.trend.internal.data.HistoryLoader;
import io.convergence.ui.trend.internal.model.Frame;
import io.convergence.ui.trend.internal.model.FrameBuilder;
import io.convergence.ui.trend.internal.model.HistorySlice;
import io.convergence.ui.trend.internal.model.LiveTail;
import io.convergence.ui.trend.internal.model.TimeWindow;
import io.convergence.ui.trend.internal.model.Trace;
import io.convergence.ui.trend.internal.model.TrendModel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;

/**
 * The trend never draws a line across a gap: not across a gap marker (a bad sample with no value),
 * and not across a stretch without samples much longer than the point's usual interval, such as two
 * recordings minutes apart; and it breaks nowhere else. Checked on the frames the chart draws, from
 * a real DuckDB historian and from live samples.
 */
class GapsTest {

    static final long T0 = 1_780_000_000_000_000L;
    static final long SECOND = 1_000_000L;
    static final long MINUTE = 60 * SECOND;
    static final int COLUMNS = 600;

    @TempDir
    Path dir;

    private Configuration config;

    @AfterEach
    void stopHistorian() throws Exception {
        if (config != null) {
            config.delete();
        }
    }

    @Test
    void twoRecordingsTenMinutesApartAreTwoLinesWithAGapBetween() throws Exception {
        PointPath p = PointPath.parse("gaps/sessions/vibration");
        Historian h = historian();
        SampleBatch.Builder b = SampleBatch.builder(600);
        for (long t = T0; t < T0 + 5 * MINUTE; t += SECOND) {
            b.add(p, t, value(t), Quality.GOOD);
        }
        for (long t = T0 + 15 * MINUTE; t < T0 + 20 * MINUTE; t += SECOND) {
            b.add(p, t, value(t), Quality.GOOD);
        }
        h.append(b.build());

        Trace t = frame(p, HistoryLoader.load(h, p, T0, T0 + 20 * MINUTE, COLUMNS), null, T0, T0 + 20 * MINUTE);
        List<long[]> lines = lines(t);
        assertEquals(2, lines.size(), "one line per recording: " + describe(lines));
        assertTrue(lines.get(0)[1] < T0 + 5 * MINUTE && lines.get(1)[0] >= T0 + 15 * MINUTE - 2 * SECOND, describe(lines));
        assertEquals(1, t.gapSpans(), "the stretch without samples is marked");
        assertTrue(t.gapFrom(0) <= T0 + 5 * MINUTE && t.gapTo(0) >= T0 + 15 * MINUTE - 2 * SECOND,
            (t.gapFrom(0) - T0) / SECOND + " s .. " + (t.gapTo(0) - T0) / SECOND + " s");
        assertEquals(0, t.badSpans());
    }

    @Test
    void aGapMarkerBreaksTheLineWhereItWasRecorded() throws Exception {
        PointPath p = PointPath.parse("gaps/marker/vibration");
        Historian h = historian();
        SampleBatch.Builder b = SampleBatch.builder(600);
        for (long t = T0; t < T0 + 10 * MINUTE; t += SECOND) {
            if (t == T0 + 5 * MINUTE) {
                b.addGap(p, t);
            } else {
                b.add(p, t, value(t), Quality.GOOD);
            }
        }
        h.append(b.build());

        Trace t = frame(p, HistoryLoader.load(h, p, T0, T0 + 10 * MINUTE, COLUMNS), null, T0, T0 + 10 * MINUTE);
        List<long[]> lines = lines(t);
        assertEquals(2, lines.size(), describe(lines));
        assertTrue(lines.get(0)[1] < T0 + 5 * MINUTE && lines.get(1)[0] > T0 + 5 * MINUTE, describe(lines));
        assertEquals(1, t.badSpans(), "the marker is shown as bad");
        assertEquals(0, t.gapSpans(), "no pause in the samples");
    }

    @Test
    void aPointSampledEveryTenSecondsIsOneLineAtEveryZoom() throws Exception {
        PointPath p = PointPath.parse("gaps/slow/temperature");
        Historian h = historian();
        SampleBatch.Builder b = SampleBatch.builder(400);
        for (long t = T0; t < T0 + 60 * MINUTE; t += 10 * SECOND) {
            b.add(p, t, value(t), Quality.GOOD);
        }
        h.append(b.build());
        for (long span : new long[] {60 * MINUTE, 10 * MINUTE, 2 * MINUTE}) {
            long from = T0 + 30 * MINUTE - span / 2;
            Trace t = frame(p, HistoryLoader.load(h, p, from, from + span, COLUMNS), null, from, from + span);
            assertEquals(1, lines(t).size(), "window of " + span / MINUTE + " min: " + describe(lines(t)));
            assertEquals(0, t.gapSpans());
        }
    }

    @Test
    void liveSamplesBreakAtAPauseAndNowhereElse() {
        PointPath p = PointPath.parse("gaps/live/flow");
        LiveTail tail = new LiveTail(T0);
        for (long t = T0; t < T0 + 2 * MINUTE; t += 100_000) {
            tail.add(t, value(t), Quality.GOOD);
        }
        for (long t = T0 + 2 * MINUTE + 30 * SECOND; t < T0 + 4 * MINUTE; t += 100_000) {
            tail.add(t, value(t), Quality.GOOD);
        }
        Trace t = frame(p, null, tail, T0, T0 + 4 * MINUTE);
        List<long[]> lines = lines(t);
        assertEquals(2, lines.size(), describe(lines));
        assertEquals(1, t.gapSpans());
        assertTrue(t.gapFrom(0) < T0 + 2 * MINUTE && t.gapTo(0) >= T0 + 2 * MINUTE + 30 * SECOND,
            (t.gapFrom(0) - T0) / SECOND + " s .. " + (t.gapTo(0) - T0) / SECOND + " s");
    }

    /** The frame the chart would draw for one pen over {@code [from, to)}, {@value #COLUMNS} pixels wide. */
    private static Trace frame(PointPath p, HistorySlice slice, LiveTail tail, long from, long to) {
        TrendModel m = new TrendModel(to);
        m.add(p, "mm/s", "");
        m.show(new TimeWindow(from, to));
        Frame f = FrameBuilder.build(m, q -> slice, q -> tail, COLUMNS);
        return f.pens().get(0).trace();
    }

    /** The lines drawn: {@code [first time, last time]} of each run of points between breaks. */
    private static List<long[]> lines(Trace t) {
        List<long[]> out = new ArrayList<>();
        for (int[] s : t.segments()) {
            out.add(new long[] {t.time(s[0]), t.time(s[1] - 1)});
        }
        return out;
    }

    private static String describe(List<long[]> lines) {
        StringBuilder b = new StringBuilder();
        for (long[] l : lines) {
            b.append('[').append((l[0] - T0) / SECOND).append(" s .. ").append((l[1] - T0) / SECOND).append(" s] ");
        }
        return b.toString();
    }

    private static double value(long t) {
        return 2 + Math.sin((t - T0) / (30.0 * SECOND));
    }

    private Historian historian() throws Exception {
        Path data = Files.createDirectories(dir.resolve("historian"));
        config = Osgi.config(TrendViewTest.HISTORIAN_PID, Map.of("dataDir", data.toString()));
        return Osgi.await(Historian.class, "(convergence.historian.dataDir=" + data.toRealPath() + ")",
            Duration.ofSeconds(30));
    }
}
