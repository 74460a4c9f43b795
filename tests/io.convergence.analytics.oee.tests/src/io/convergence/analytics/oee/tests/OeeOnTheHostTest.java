package io.convergence.analytics.oee.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.convergence.api.oee.Definition;
import io.convergence.api.oee.OeeFigures;
import io.convergence.api.oee.OeeService;
import io.convergence.api.oee.Period;
import io.convergence.api.oee.Stop;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;
import io.convergence.testing.Osgi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;

/**
 * The OEE model configured as a user configures it, run by the real model host on the real DuckDB
 * historian, fed over the sample bus. The line's day is set in the last half hour (shift A, 15 min
 * with a 2-min break, then shift B, 15 min; shift C runs now), so its shifts close at once and the
 * figures stored for them can be compared with the ones worked out by hand below.
 *
 * <pre>
 * time from A's start (s)   what happens
 *   0      running; counters total 1,000, good 800
 *   290    total 1,270, good 1,065
 *   300    down, reason 2 (in the break 300-420: planned, no loss); 420 running again
 *   470    total 1,315, good 1,110
 *   480    down, reason 1: a breakdown of 120 s; 600 running
 *   700    down, reason 3: 10 s, a small stop; 710 running
 *   890    total 1,600, good 1,380
 *   900    shift B starts
 *   1000   total 1,690, good 1,470
 *   1790   total 2,440, good 2,210
 * A: P = 900 - 120 = 780, R = 780 - 120 = 660, total 600, good 580
 * B: P = R = 900, total 840, good 830
 * </pre>
 */
class OeeOnTheHostTest {

    static final long S = Micros.PER_SECOND;
    static final double EPS = 1e-9;

    @TempDir
    static Path dir;
    static Hosted rt;

    @BeforeAll
    static void start() throws Exception {
        rt = new Hosted(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        rt.close();
    }

    /** One line of the test: its points, its configuration, its day. */
    static final class Feed {
        final String id;
        final PointPath line;
        final PointPath state;
        final PointPath reason;
        final PointPath total;
        final PointPath good;
        /** Shift A's start, microseconds: a whole minute, 32 minutes ago. */
        final long a = Micros.of(Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(32, ChronoUnit.MINUTES));
        Configuration config;

        Feed(String name, Definition definition) throws Exception {
            id = "oee-" + name;
            line = PointPath.parse("test/oee/" + name);
            state = line.child("state");
            reason = line.child("reason");
            total = line.child("total");
            good = line.child("good");
            configure(definition);
        }

        void configure(Definition definition) throws Exception {
            Map<String, Object> p = new HashMap<>();
            p.put("id", id);
            p.put("line", line.toString());
            p.put("statePoint", state.toString());
            p.put("reasonPoint", reason.toString());
            p.put("totalCountPoint", total.toString());
            p.put("goodCountPoint", good.toString());
            p.put("rejectCountPoint", "");
            p.put("idealCycleSeconds", 1.0);
            p.put("shifts", new String[] {"A " + hhmm(0) + "-" + hhmm(15), "B " + hhmm(15) + "-" + hhmm(30),
                "C " + hhmm(30) + "-" + hhmm(90)});
            p.put("breaks", new String[] {hhmm(5) + "-" + hhmm(7)});
            p.put("zone", "UTC");
            p.put("microStopSeconds", 30);
            p.put("startupSeconds", 0);
            p.put("graceSeconds", 1);
            p.put("setupReasons", new String[] {"4"});
            p.put("definition", definition == Definition.COMMON ? "common" : "iso22400");
            config = Osgi.factoryConfig(Hosted.OEE_FACTORY, id, p);
        }

        private String hhmm(int minutes) {
            LocalTime t = Micros.toInstant(a).plus(minutes, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC).toLocalTime();
            return String.format("%02d:%02d", t.getHour(), t.getMinute());
        }

        long at(long seconds) {
            return a + seconds * S;
        }

        Instant instant(long seconds) {
            return Micros.toInstant(at(seconds));
        }

        /** Shifts A and B as in the class comment, in one batch as a connector catching up would send them. */
        SampleBatch day() {
            SampleBatch.Builder b = SampleBatch.builder(32);
            running(b, 0).counts(b, 0, 1_000, 800).counts(b, 290, 1_270, 1_065);
            down(b, 300, "2").running(b, 420).counts(b, 470, 1_315, 1_110);
            down(b, 480, "1").running(b, 600);
            down(b, 700, "3").running(b, 710);
            counts(b, 890, 1_600, 1_380).counts(b, 1_000, 1_690, 1_470).counts(b, 1_790, 2_440, 2_210);
            return b.build();
        }

        Feed running(SampleBatch.Builder b, long s) {
            b.addText(state, at(s), "running", Quality.GOOD);
            return this;
        }

        Feed down(SampleBatch.Builder b, long s, String code) {
            b.addText(reason, at(s), code, Quality.GOOD);
            b.addText(state, at(s), "down", Quality.GOOD);
            return this;
        }

        Feed counts(SampleBatch.Builder b, long s, long t, long g) {
            b.add(total, at(s), t, Quality.GOOD);
            b.add(good, at(s), g, Quality.GOOD);
            return this;
        }

        PointPath shiftPoint() {
            return line.child("oee").child("shift");
        }

        PointPath stopsPoint() {
            return line.child("oee").child("stops");
        }

        /** Waits until the stored shift records are the given shifts, and returns them. */
        List<OeeFigures> awaitShifts(String... names) throws InterruptedException {
            Hosted.await(() -> rt.figures(shiftPoint()).stream().map(OeeFigures::shift).toList().equals(List.of(names)),
                Duration.ofSeconds(20), () -> "stored shifts " + List.of(names) + " of " + line + "; stored: "
                    + rt.figures(shiftPoint()));
            return rt.figures(shiftPoint());
        }
    }

    static void assertFigures(OeeFigures f, double planned, double run, long total, long good, double availability) {
        String what = f.shift() + " of " + f.line() + ": " + f;
        assertTrue(f.complete(), what);
        assertEquals(planned, f.plannedSeconds(), EPS, what);
        assertEquals(run, f.runSeconds(), EPS, what);
        assertEquals(total, f.totalCount(), what);
        assertEquals(good, f.goodCount(), what);
        assertEquals(availability, f.availability(), EPS, what);
        assertEquals(total * 1.0 / run, f.performance(), EPS, what);
        assertEquals(good * 1.0 / total, f.quality(), EPS, what);
        assertEquals(f.availability() * f.performance() * f.quality(), f.oee(), EPS, what);
    }

    @Test
    void liveSamplesGiveTheHandComputedShiftFiguresStoredAndThroughTheService() throws Exception {
        Feed l = new Feed("live", Definition.COMMON);
        try {
            rt.awaitRunning(l.id);
            rt.bus.publish(l.day());
            List<OeeFigures> shifts = l.awaitShifts("A", "B");
            OeeFigures a = shifts.get(0);
            assertEquals(l.instant(0), a.from());
            assertEquals(l.instant(900), a.to());
            assertFigures(a, 780, 660, 600, 580, 660.0 / 780);
            assertEquals(580.0 / 780, a.oee(), EPS, "common: OEE = good units x ideal cycle / planned time");
            assertEquals(120, a.losses().breakdownSeconds(), EPS);
            assertEquals(10, a.losses().smallStopSeconds(), EPS);
            assertEquals(50, a.losses().reducedSpeedSeconds(), EPS, "660 - 10 - 600");
            assertEquals(20, a.losses().productionRejectSeconds(), EPS);
            assertEquals(780, a.losses().totalSeconds() + a.goodCount(), EPS, "the waterfall adds up to P");
            assertFigures(shifts.get(1), 900, 900, 840, 830, 1.0);

            List<Stop> stops = rt.stops(l.stopsPoint());
            assertEquals(List.of(l.instant(300), l.instant(480), l.instant(700)), stops.stream().map(Stop::start).toList());
            assertTrue(stops.get(0).planned(), "the stop in the break is planned: " + stops.get(0));
            assertEquals("1", stops.get(1).reasonCode());
            assertTrue(stops.get(2).micro(), stops.get(2).toString());

            // The service gives what is stored, and the running shift C after them.
            OeeService oee = Hosted.oee();
            assertTrue(oee.lines().contains(l.line), oee.lines().toString());
            List<OeeFigures> served = oee.figures(l.line, Period.SHIFT, l.instant(0), Instant.now());
            assertEquals(List.of("A", "B", "C"), served.stream().map(OeeFigures::shift).toList());
            assertEquals(shifts, served.subList(0, 2));
            assertFalse(served.get(2).complete(), "C runs now");
            assertEquals(stops, oee.stops(l.line, l.instant(0), l.instant(1_800)));
        } finally {
            l.config.delete();
        }
    }

    @Test
    void aLateCounterValueRecomputesThePastShiftAndItsRecordIsReplacedOnce() throws Exception {
        Feed l = new Feed("late", Definition.COMMON);
        try {
            rt.awaitRunning(l.id);
            rt.bus.publish(l.day());
            l.awaitShifts("A", "B");
            int stopsBefore = rt.stored(l.stopsPoint()).size();

            // A reading taken at 895 s reaches the bus after both shifts closed (store and forward):
            // 50 units made and 45 good move from B to A.
            SampleBatch.Builder late = SampleBatch.builder(2);
            l.counts(late, 895, 1_650, 1_425);
            rt.bus.publish(late.build());
            Hosted.await(() -> !rt.events(l.id, "model.recomputed").isEmpty(), Duration.ofSeconds(20),
                () -> "a recompute of " + l.id + "; events " + rt.events);
            assertEquals(l.instant(0).toString(), rt.events(l.id, "model.recomputed").get(0).attributes().get("from"),
                "from A's start");
            List<OeeFigures> shifts = l.awaitShifts("A", "B");
            assertFigures(shifts.get(0), 780, 660, 650, 625, 660.0 / 780);
            assertEquals(625.0 / 780, shifts.get(0).oee(), EPS);
            assertEquals(0, shifts.get(0).losses().reducedSpeedSeconds(), EPS, "660 - 10 - 650");
            assertFigures(shifts.get(1), 900, 900, 790, 785, 1.0);
            assertEquals(stopsBefore, rt.stored(l.stopsPoint()).size(), "each stop stored once");
            assertEquals(shifts, Hosted.oee().figures(l.line, Period.SHIFT, l.instant(0), l.instant(1_800)));
            Thread.sleep(1_000);
            assertEquals(1, rt.events(l.id, "model.recomputed").size(), "recomputed once");
            assertEquals(shifts, rt.figures(l.shiftPoint()));
        } finally {
            l.config.delete();
        }
    }

    @Test
    void reassignedAndSplitStopsChangeTheStoredStopsAndShiftAndSurviveARestartOfTheModel() throws Exception {
        Feed l = new Feed("fix", Definition.ISO22400);
        try {
            rt.awaitRunning(l.id);
            rt.bus.publish(l.day());
            OeeFigures before = l.awaitShifts("A", "B").get(0);
            assertFigures(before, 780, 660, 600, 580, 660.0 / 780);
            OeeService oee = Hosted.oee();

            // The 120-s breakdown was a breakdown for 60 s, then a setup (reason 4).
            oee.split(l.line, l.instant(480), l.instant(540), "4");
            Hosted.await(() -> rt.stops(l.stopsPoint()).size() == 4, Duration.ofSeconds(20),
                () -> "the split stop stored as two: " + rt.stops(l.stopsPoint()));
            List<Stop> stops = rt.stops(l.stopsPoint());
            assertEquals(List.of(l.instant(300), l.instant(480), l.instant(540), l.instant(700)),
                stops.stream().map(Stop::start).toList());
            assertEquals(l.instant(540), stops.get(1).end());
            assertEquals("1", stops.get(1).reasonCode());
            assertEquals("4", stops.get(2).reasonCode());
            assertTrue(stops.get(2).corrected());
            OeeFigures split = awaitShiftA(l, f -> f.losses().setupSeconds() == 60);
            assertEquals(60, split.losses().breakdownSeconds(), EPS);
            assertFigures(split, 780, 660, 600, 580, 660.0 / (780 - 60));

            // Then the whole stop is a setup.
            oee.reassign(l.line, l.instant(480), "4");
            OeeFigures reassigned = awaitShiftA(l, f -> f.losses().setupSeconds() == 120);
            assertEquals(0, reassigned.losses().breakdownSeconds(), EPS);
            assertFigures(reassigned, 780, 660, 600, 580, 1.0);
            assertEquals(List.of("4", "4"), rt.stops(l.stopsPoint()).subList(1, 3).stream().map(Stop::reasonCode).toList());
            assertEquals(2, l.awaitShifts("A", "B").size(), "each shift stored once");
            Path file = rt.data.resolve("models").resolve(l.id + ".corrections");
            assertTrue(Files.readString(file).contains("reassign " + l.instant(480) + " 4"), Files.readString(file));

            // The model restarts (its configuration goes and comes back): a new model object, its
            // corrections read from the file. A recompute of shift A keeps them.
            l.config.delete();
            Hosted.await(() -> !Hosted.oee().lines().contains(l.line), Duration.ofSeconds(20), () -> "the model gone");
            l.configure(Definition.ISO22400);
            rt.awaitRunning(l.id);
            int recomputes = rt.events(l.id, "model.recomputed").size();
            rt.host().recompute(l.id, l.instant(0), l.instant(899)).get(30, java.util.concurrent.TimeUnit.SECONDS);
            // The event bus delivers the recompute's event on its own thread, after the recompute is done.
            Hosted.await(() -> rt.events(l.id, "model.recomputed").size() > recomputes, Duration.ofSeconds(10),
                () -> "the recompute's event");
            assertEquals(recomputes + 1, rt.events(l.id, "model.recomputed").size());
            List<OeeFigures> after = l.awaitShifts("A", "B");
            assertEquals(reassigned, after.get(0), "A recomputed after the restart with the corrections");
            List<Stop> kept = rt.stops(l.stopsPoint());
            assertEquals(4, kept.size(), kept.toString());
            assertTrue(kept.get(1).corrected() && kept.get(2).corrected(), kept.toString());
            assertEquals(List.of("4", "4"), kept.subList(1, 3).stream().map(Stop::reasonCode).toList());
        } finally {
            l.config.delete();
        }
    }

    @Test
    void aRestartOfTheHostResumesWithoutCountingTwice() throws Exception {
        Feed l = new Feed("resume", Definition.COMMON);
        try {
            rt.awaitRunning(l.id);
            SampleBatch.Builder c = SampleBatch.builder(4);
            l.counts(c, 1_810, 2_450, 2_220).counts(c, 1_840, 2_480, 2_250);
            rt.bus.publish(l.day());
            rt.bus.publish(c.build());
            List<OeeFigures> shifts = l.awaitShifts("A", "B");
            List<Stop> stops = rt.stops(l.stopsPoint());
            awaitCurrent(l, 40, 40);
            // A reading of 1,870 s comes after the run accounted past it (the connector's buffer, say):
            // late for the run, which asks the host for a recompute of shift C; and the host restarts
            // before it gets to it (it advances the run every 2 s here, so the request comes late).
            int first = rt.events(l.id, "model.started").size();
            rt.configureHost(2_000);
            Hosted.await(() -> rt.events(l.id, "model.started").size() > first, Duration.ofSeconds(20),
                () -> "the model started again");
            rt.awaitRunning(l.id);
            awaitCurrent(l, 40, 40);
            int started = rt.events(l.id, "model.started").size();
            SampleBatch.Builder more = SampleBatch.builder(2);
            l.counts(more, 1_870, 2_510, 2_275);
            rt.bus.publish(more.build());
            Thread.sleep(300);
            rt.configureHost(200);
            Hosted.await(() -> rt.events(l.id, "model.started").size() > started, Duration.ofSeconds(20),
                () -> "the model started again");
            assertEquals("true", rt.events(l.id, "model.started").get(started).attributes().get("resumed"));
            rt.awaitRunning(l.id);
            OeeFigures current = awaitCurrent(l, 70, 65);
            assertEquals("C", current.shift());
            Thread.sleep(1_000);
            assertEquals(70, Hosted.oee().current(l.line, Period.SHIFT).orElseThrow().totalCount());
            assertEquals(shifts, rt.figures(l.shiftPoint()), "A and B stored once each, unchanged");
            assertEquals(stops, rt.stops(l.stopsPoint()));
        } finally {
            l.config.delete();
        }
    }

    private static OeeFigures awaitShiftA(Feed l, java.util.function.Predicate<OeeFigures> done)
        throws InterruptedException {
        Hosted.await(() -> {
            List<OeeFigures> f = rt.figures(l.shiftPoint());
            return !f.isEmpty() && done.test(f.get(0));
        }, Duration.ofSeconds(20), () -> "shift A recomputed: " + rt.figures(l.shiftPoint()));
        return rt.figures(l.shiftPoint()).get(0);
    }

    private static String status() {
        try {
            return rt.host().models().toString();
        } catch (InterruptedException e) {
            return e.toString();
        }
    }

    private static OeeFigures awaitCurrent(Feed l, long total, long good) throws InterruptedException {
        OeeFigures[] seen = new OeeFigures[1];
        Hosted.await(() -> {
            try {
                seen[0] = Hosted.oee().current(l.line, Period.SHIFT).orElse(null);
            } catch (Exception e) {
                return false;
            }
            return seen[0] != null && seen[0].totalCount() == total && seen[0].goodCount() == good;
        }, Duration.ofSeconds(20), () -> "shift C's current figures at " + total + "/" + good + ": " + seen[0] + "; events: "
            + rt.events.stream().filter(e -> e.source().equals(l.id)).toList() + "; stored totals: " + rt.stored(l.total) + "; host: " + status());
        return seen[0];
    }
}
