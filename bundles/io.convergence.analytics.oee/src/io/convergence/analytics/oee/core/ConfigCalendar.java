package io.convergence.analytics.oee.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.convergence.api.point.Micros;

import org.jspecify.annotations.Nullable;

/**
 * The calendar of a configuration: shifts and breaks repeated every day in a time zone. Without
 * shifts, the whole day is one shift named {@code day}. Breaks apply on every day, inside shifts
 * or not (outside shifts they change nothing: that time is not planned production time anyway).
 */
public final class ConfigCalendar implements Calendar {

    private static final long DAY = 86_400L * Micros.PER_SECOND;

    private final List<ShiftPattern> shifts;
    private final List<DailyWindow> breaks;
    private final ZoneId zone;

    public ConfigCalendar(List<ShiftPattern> shifts, List<DailyWindow> breaks, ZoneId zone) {
        this.shifts = shifts.isEmpty() ? List.of(new ShiftPattern("day", LocalTime.MIDNIGHT, LocalTime.MIDNIGHT))
            : List.copyOf(shifts);
        this.breaks = List.copyOf(breaks);
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    @Override
    public @Nullable Window shiftAt(long t) {
        Window found = null;
        for (Window w : shiftsAround(t)) {
            if (w.contains(t) && (found == null || w.start() >= found.start())) {
                found = w;
            }
        }
        return found;
    }

    @Override
    public long nextShiftStart(long t) {
        long best = Long.MAX_VALUE;
        LocalDate day = date(t);
        for (int d = -1; d <= 2; d++) {
            for (Window w : occurrences(shifts, day.plusDays(d))) {
                if (w.start() > t && w.start() < best) {
                    best = w.start();
                }
            }
        }
        return best;
    }

    @Override
    public List<Window> plannedStops(long from, long to) {
        List<Window> out = new ArrayList<>();
        LocalDate first = date(from).minusDays(1);
        LocalDate last = date(to).plusDays(1);
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            for (DailyWindow b : breaks) {
                Window w = window("break", d, b.start(), b.end());
                if (w.start() < to && w.end() > from) {
                    out.add(w);
                }
            }
        }
        out.sort(Comparator.comparingLong(Window::start));
        return out;
    }

    private List<Window> shiftsAround(long t) {
        LocalDate day = date(t);
        List<Window> out = new ArrayList<>(occurrences(shifts, day.minusDays(1)));
        out.addAll(occurrences(shifts, day));
        return out;
    }

    private List<Window> occurrences(List<ShiftPattern> patterns, LocalDate day) {
        List<Window> out = new ArrayList<>(patterns.size());
        for (ShiftPattern p : patterns) {
            out.add(window(p.name(), day, p.start(), p.end()));
        }
        return out;
    }

    /** The window from {@code start} on {@code day} to the next {@code end}, in the zone. */
    private Window window(String name, LocalDate day, LocalTime start, LocalTime end) {
        long s = micros(ZonedDateTime.of(day, start, zone));
        LocalDate endDay = end.isAfter(start) ? day : day.plusDays(1);
        long e = micros(ZonedDateTime.of(endDay, end, zone));
        return new Window(name, s, Math.max(e, s + 1));
    }

    private LocalDate date(long t) {
        return Micros.toInstant(t).atZone(zone).toLocalDate();
    }

    private static long micros(ZonedDateTime z) {
        Instant i = z.toInstant();
        return Micros.of(i);
    }

    /** A day in microseconds, for callers that look ahead. */
    static long day() {
        return DAY;
    }
}
