package io.convergence.analytics.oee.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.convergence.analytics.oee.core.ConfigCalendar;
import io.convergence.analytics.oee.core.DailyWindow;
import io.convergence.analytics.oee.core.EngineListener;
import io.convergence.analytics.oee.core.LineEngine;
import io.convergence.analytics.oee.core.OeeSettings;
import io.convergence.analytics.oee.core.ShiftPattern;
import io.convergence.api.oee.Definition;
import io.convergence.api.oee.OeeFigures;
import io.convergence.api.oee.Stop;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointPath;

import org.junit.jupiter.api.Test;

/**
 * OEE backfill: a year of 1-second state and counter samples for 10 lines through the engine, against
 * a plain Java loop over primitive arrays of the same samples that sums run time and units per shift
 * (no breaks, hours, orders or stops: the least any OEE computation does). Skipped unless
 * {@code -Dconvergence.bench=true}; prints {@code [oee-bench]} lines.
 */
class BackfillBenchmarkTest {

    static final int LINES = 10;
    static final int SECONDS = 365 * 86_400;
    static final long S = Micros.PER_SECOND;

    @Test
    void backfillAYearOfTenLines() {
        assumeTrue(Boolean.getBoolean("convergence.bench"), "benchmark: run with -Dconvergence.bench=true");
        long t0 = Micros.of(Instant.parse("2026-01-01T00:00:00Z"));
        // One line's year, shared by the ten lines (each line is computed on its own): the state at every
        // second (running, or a stop of 20 s to 15 min every 5 to 60 min) and the counter's reading.
        boolean[] running = new boolean[SECONDS];
        long[] counter = new long[SECONDS];
        java.util.Random r = new java.util.Random(1);
        boolean run = true;
        int next = 0;
        long c = 0;
        for (int i = 0; i < SECONDS; i++) {
            if (i == next) {
                run = !run;
                next = i + (run ? 300 + r.nextInt(3_300) : 20 + r.nextInt(880));
            }
            running[i] = run;
            if (run) {
                c += 1;
            }
            counter[i] = c;
        }
        long samples = 2L * SECONDS * LINES;
        double base = Double.MAX_VALUE;
        double engine = Double.MAX_VALUE;
        long baseRun = 0;
        for (int rep = 0; rep < 2; rep++) {
            long s = System.nanoTime();
            baseRun = 0;
            for (int l = 0; l < LINES; l++) {
                baseRun += baseline(running, counter);
            }
            base = Math.min(base, (System.nanoTime() - s) / 1e9);
            s = System.nanoTime();
            long units = 0;
            for (int l = 0; l < LINES; l++) {
                units += engine(t0, running, counter);
            }
            engine = Math.min(engine, (System.nanoTime() - s) / 1e9);
            assertEquals(c * LINES, units, "the engine counts every unit");
        }
        String line = String.format(Locale.ROOT, "[oee-bench] %,d samples (%d lines x 1 year x state+counter at 1 s):"
            + " engine %.2f s = %,.0f samples/s; plain loop %.2f s = %,.0f samples/s; ratio engine/loop %.3f (%d)",
            samples, LINES, engine, samples / engine, base, samples / base, base / engine, baseRun);
        System.out.println(line);
    }

    /** Run seconds and units per 8-hour shift, by array index. */
    static long baseline(boolean[] running, long[] counter) {
        long run = 0;
        long units = 0;
        long[] perShift = new long[running.length / 28_800 + 1];
        for (int i = 1; i < running.length; i++) {
            if (running[i - 1]) {
                run++;
            }
            long d = counter[i] - counter[i - 1];
            units += d;
            perShift[i / 28_800] += d;
        }
        return run + units + perShift[0];
    }

    static long engine(long t0, boolean[] running, long[] counter) {
        PointPath line = PointPath.parse("bench/line");
        OeeSettings s = new OeeSettings("bench", line, line.child("state"), Set.of("running"), Set.of(), line.child("total"),
            null, line.child("reject"), null, null, 1.0,
            List.of(ShiftPattern.parse("A 06:00-14:00"), ShiftPattern.parse("B 14:00-22:00"),
                ShiftPattern.parse("C 22:00-06:00")), List.of(DailyWindow.parse("10:00-10:30")), ZoneOffset.UTC, 60 * S,
            300 * S, 0, 0, Set.of(), Definition.COMMON, null);
        long[] total = new long[1];
        LineEngine e = new LineEngine(s, new ConfigCalendar(s.shifts(), List.of(DailyWindow.parse("10:00-10:30")),
            ZoneOffset.UTC), new EngineListener() {
                @Override
                public void closed(OeeFigures f) {
                    if (f.period() == io.convergence.api.oee.Period.SHIFT) {
                        total[0] += f.totalCount();
                    }
                }

                @Override
                public void stopEnded(Stop stop) {
                }
            });
        e.count(t0, LineEngine.REJECT, 0);
        for (int i = 0; i < running.length; i++) {
            long t = t0 + i * S;
            // A state sample every second, as a 1-second recording holds it (most repeat the last value).
            e.state(t, running[i] ? LineEngine.RUNNING : LineEngine.STOPPED, running[i] ? "running" : "down");
            e.count(t, LineEngine.TOTAL, counter[i]);
        }
        e.advance(t0 + (long) running.length * S + 86_400 * S);
        return total[0];
    }
}
