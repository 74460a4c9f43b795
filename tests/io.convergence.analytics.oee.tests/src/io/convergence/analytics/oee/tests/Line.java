package io.convergence.analytics.oee.tests;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.convergence.analytics.oee.core.Calendar;
import io.convergence.analytics.oee.core.ConfigCalendar;
import io.convergence.analytics.oee.core.DailyWindow;
import io.convergence.analytics.oee.core.EngineListener;
import io.convergence.analytics.oee.core.LineEngine;
import io.convergence.analytics.oee.core.OeeSettings;
import io.convergence.analytics.oee.core.ShiftPattern;
import io.convergence.analytics.oee.core.Window;
import io.convergence.api.oee.Definition;
import io.convergence.api.oee.OeeFigures;
import io.convergence.api.oee.Period;
import io.convergence.api.oee.Stop;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointPath;

import org.jspecify.annotations.Nullable;

/**
 * A line fed by hand through the engine, for cases computed by hand: times are written
 * {@code "07:30"} or {@code "07:30:40"} on 2026-11-02 (a Monday, UTC), counters as readings.
 */
final class Line implements EngineListener {

    static final PointPath LINE = PointPath.parse("acme/test/line1");
    static final String DAY = "2026-11-02T";

    final List<OeeFigures> closed = new ArrayList<>();
    final List<Stop> stops = new ArrayList<>();
    final LineEngine engine;

    Line(OeeSettings settings, Calendar calendar) {
        this.engine = new LineEngine(settings, calendar, this);
    }

    /** Shifts A 06-14, B 14-22, C 22-06 and the breaks given; total and good counters; ideal 1 s. */
    static Line of(long microStopSeconds, String... breaks) {
        return of(settings(microStopSeconds, 0, Definition.COMMON, Set.of()), Map.of(), breaks);
    }

    static OeeSettings settings(long microStopSeconds, long modulus, Definition definition, Set<String> setupReasons) {
        return new OeeSettings("t", LINE, LINE.child("state"), Set.of("running"), Set.of("maintenance"),
            LINE.child("total"), LINE.child("good"), null, null, null, 1.0,
            List.of(ShiftPattern.parse("A 06:00-14:00"), ShiftPattern.parse("B 14:00-22:00"),
                ShiftPattern.parse("C 22:00-06:00")), List.of(), ZoneOffset.UTC, microStopSeconds * Micros.PER_SECOND,
            300 * Micros.PER_SECOND, 0, modulus, setupReasons, definition, null);
    }

    /** A line whose orders have products with their own ideal cycle times ({@code order -> seconds}). */
    static Line of(OeeSettings s, Map<String, Double> orderIdeal, String... breaks) {
        List<DailyWindow> b = new ArrayList<>();
        for (String x : breaks) {
            b.add(DailyWindow.parse(x));
        }
        ConfigCalendar config = new ConfigCalendar(s.shifts(), b, s.zone());
        Calendar c = new Calendar() {
            @Override
            public @Nullable Window shiftAt(long t) {
                return config.shiftAt(t);
            }

            @Override
            public long nextShiftStart(long t) {
                return config.nextShiftStart(t);
            }

            @Override
            public List<Window> plannedStops(long from, long to) {
                return config.plannedStops(from, to);
            }

            @Override
            public @Nullable OrderInfo order(String id) {
                Double ideal = orderIdeal.get(id);
                return ideal == null ? null : new OrderInfo("P-" + id, ideal);
            }
        };
        return new Line(s, c);
    }

    static long t(String hhmm) {
        String x = hhmm.length() == 5 ? hhmm + ":00" : hhmm;
        return Micros.of(Instant.parse(DAY + x + "Z"));
    }

    static long t(String day, String hhmm) {
        String x = hhmm.length() == 5 ? hhmm + ":00" : hhmm;
        return Micros.of(Instant.parse(day + "T" + x + "Z"));
    }

    Line run(String at) {
        engine.state(t(at), LineEngine.RUNNING, "running");
        return this;
    }

    Line down(String at) {
        engine.state(t(at), LineEngine.STOPPED, "down");
        return this;
    }

    Line state(String at, int kind, String text) {
        engine.state(t(at), kind, text);
        return this;
    }

    Line reason(String at, String code) {
        engine.reason(t(at), code);
        return this;
    }

    Line counts(String at, long total, long good) {
        engine.count(t(at), LineEngine.TOTAL, total);
        engine.count(t(at), LineEngine.GOOD, good);
        return this;
    }

    Line order(String at, @Nullable String id) {
        engine.order(t(at), id);
        return this;
    }

    Line until(String at) {
        engine.advance(t(at));
        return this;
    }

    OeeFigures closed(Period p, String name) {
        return closed.stream().filter(f -> f.period() == p && name.equals(p == Period.ORDER ? f.order() : f.shift()))
            .findFirst().orElseThrow(() -> new AssertionError("no closed " + p + " " + name + " in " + closed));
    }

    List<OeeFigures> closed(Period p) {
        return closed.stream().filter(f -> f.period() == p).toList();
    }

    @Override
    public void closed(OeeFigures figures) {
        closed.add(figures);
    }

    @Override
    public void stopEnded(Stop stop) {
        stops.add(stop);
    }
}
