package io.convergence.analytics.oee.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.convergence.analytics.oee.core.ConfigCalendar;
import io.convergence.analytics.oee.core.DailyWindow;
import io.convergence.analytics.oee.core.OeeSettings;
import io.convergence.analytics.oee.core.ShiftPattern;
import io.convergence.analytics.oee.internal.OeeModel;
import io.convergence.api.model.ModelContext.Mode;
import io.convergence.api.model.ModelRun;
import io.convergence.api.oee.Definition;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;

import org.junit.jupiter.api.Test;

/**
 * The same history gives the same figures to the bit whether a run gets it live (points out of step
 * with each other, the order a few seconds behind the machine) or replayed in time order; and a
 * recompute from a shift's start, from the snapshot the live run left there, gives that shift's and
 * every later period's figures again.
 */
class LiveAndReplayTest {

    static final PointPath LINE = PointPath.parse("acme/test/line2");
    static final long S = Micros.PER_SECOND;
    static final Instant START = Instant.parse("2026-11-02T05:00:00Z");
    static final long DAYS = 2;

    static OeeSettings settings() {
        return new OeeSettings("line2", LINE, LINE.child("state"), Set.of("running"), Set.of(), null, LINE.child("good"),
            LINE.child("reject"), LINE.child("reason"), LINE.child("order"), 0.5,
            List.of(ShiftPattern.parse("A 06:00-14:00"), ShiftPattern.parse("B 14:00-22:00"),
                ShiftPattern.parse("C 22:00-06:00")), List.of(DailyWindow.parse("10:00-10:30")), ZoneId.of("Europe/Paris"),
            30 * S, 300 * S, 10 * S, 0, Set.of("4"), Definition.COMMON, null);
    }

    /** Two days of a line: a state change every few minutes, counters every 10 s, an order every 3 h. */
    static List<SampleBatch> history(boolean orderLate) {
        OeeSettings s = settings();
        Random r = new Random(7);
        List<SampleBatch> batches = new ArrayList<>();
        long t0 = Micros.of(START);
        long end = t0 + DAYS * 86_400 * S;
        long nextState = t0;
        long good = 1_000;
        long reject = 0;
        boolean running = false;
        int orders = 0;
        SampleBatch.Builder late = SampleBatch.builder(4);
        for (long t = t0; t < end; t += 10 * S) {
            SampleBatch.Builder b = SampleBatch.builder(8);
            if (orderLate && late.size() > 0) {
                b.addAll(late.build());
            }
            if ((t - t0) % (3 * 3600 * S) == 0) {
                SampleBatch.Builder target = orderLate ? late : b;
                target.addText(s.orderPoint(), t, "PO-" + (++orders), Quality.GOOD);
            }
            if (t >= nextState) {
                running = !running;
                if (!running) {
                    b.add(s.reasonPoint(), t, r.nextInt(5), Quality.GOOD);
                }
                b.addText(s.statePoint(), t, running ? "running" : "down", Quality.GOOD);
                nextState = t + (running ? 600 + r.nextInt(3_000) : 10 + r.nextInt(400)) * S;
            }
            if (running) {
                good += 18 + r.nextInt(3);
                reject += r.nextInt(2);
                if (r.nextInt(5_000) == 0) {
                    good = 0;    // a reset
                }
            }
            b.add(s.goodCountPoint(), t, good, Quality.GOOD);
            b.add(s.rejectCountPoint(), t, reject, Quality.GOOD);
            batches.add(b.build());
        }
        return batches;
    }

    @Test
    void liveAndReplayGiveTheSameFiguresAndARecomputeFromAShiftGivesThemAgain() {
        List<SampleBatch> live = history(true);
        OeeModel model = new OeeModel(settings(), () -> new ConfigCalendar(settings().shifts(), settings().breaks(),
            settings().zone()));
        Instant end = START.plusSeconds(DAYS * 86_400);

        Ctx l = new Ctx(Mode.LIVE, START, Instant.MAX, null);
        ModelRun run = model.open(l);
        for (SampleBatch b : live) {
            run.onSamples(b);
            run.advance(b.timeMicros(0) + 2 * S);
        }
        run.advance(Micros.of(end) + 10 * S);
        List<String> liveOut = l.json();
        assertTrue(liveOut.size() > 100, "shifts, hours, orders and stops closed: " + liveOut.size());
        assertTrue(l.recomputes.isEmpty(), "the late order stays within the grace");

        Ctx rp = new Ctx(Mode.REPLAY, START, end, null);
        ModelRun replay = new OeeModel(settings(), () -> new ConfigCalendar(settings().shifts(), settings().breaks(),
            settings().zone())).open(rp);
        for (SampleBatch b : history(false)) {
            replay.onSamples(b);
        }
        replay.advance(Micros.of(end));
        assertEquals(sorted(liveOut), sorted(rp.json()), "live and replayed outputs are the same, bit for bit");

        // A recompute from inside the second day's shift B starts at that shift (or its running order).
        Instant changed = Instant.parse("2026-11-03T15:17:00Z");
        Instant from = model.recomputeFrom(changed);
        // B starts at 14:00 Paris (13:00 UTC); the order running then started at 11:00 UTC, in shift A.
        assertEquals(Instant.parse("2026-11-03T05:00:00Z"), from, "A starts at 06:00 Paris");
        Ctx rc = new Ctx(Mode.REPLAY, from, end, null);
        ModelRun re = model.open(rc);
        for (SampleBatch b : history(false)) {
            SampleBatch.Builder x = SampleBatch.builder(b.size());
            for (int i = 0; i < b.size(); i++) {
                if (!b.time(i).isBefore(from)) {
                    x.addRow(b, i);
                }
            }
            if (x.size() > 0) {
                re.onSamples(x.build());
            }
        }
        re.advance(Micros.of(end));
        List<String> expected = liveOut.stream().filter(j -> !stamp(j).isBefore(from)).toList();
        assertTrue(expected.size() > 20);
        List<String> recomputed = rc.json().stream().filter(j -> !stamp(j).isBefore(from)).toList();
        assertEquals(expected.size(), recomputed.size());
        assertEquals(sorted(expected), sorted(recomputed), "the recompute gives the live figures of every period from "
            + from);
    }

    static Instant stamp(String row) {
        return Instant.parse(row.substring(row.indexOf('@') + 1, row.indexOf(' ')));
    }

    static List<String> sorted(List<String> l) {
        return l.stream().sorted().toList();
    }
}
