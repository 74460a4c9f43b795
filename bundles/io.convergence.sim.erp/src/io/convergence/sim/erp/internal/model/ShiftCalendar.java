package io.convergence.sim.erp.internal.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

import io.convergence.api.business.PlannedStop;
import io.convergence.api.business.Shift;
import io.convergence.sim.plant.internal.model.DownReason;

/**
 * The plant's shift calendar, day by day, in the plant's time zone.
 *
 * <p>Monday to Friday, three 8-hour shifts: A 06:00–14:00, B 14:00–22:00, C 22:00–06:00, each
 * with a 30-minute break in its middle. Saturday and Sunday, two 12-hour shifts: D 06:00–18:00 and
 * N 18:00–06:00, each with two 20-minute breaks. Once a week, on a weekday the seed picks, planned
 * maintenance from 06:00 to 08:00. Times are local: across a change to or from summer time the
 * night shift is an hour shorter or longer, as it is in the plant. Shifts apply to every line.
 */
public final class ShiftCalendar {

    private ShiftCalendar() {
    }

    /**
     * What a calendar day holds: the shifts that start on it, and the planned stops in them.
     */
    public record Day(LocalDate date, List<Shift> shifts, List<PlannedStop> stops) {
    }

    /** The shifts and planned stops of one day. */
    public static Day day(long seed, LocalDate date, ZoneId zone) {
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        List<Shift> shifts = new ArrayList<>();
        List<PlannedStop> stops = new ArrayList<>();
        if (weekend) {
            shift(date, zone, "D", 6, 12, List.of(new int[] {10, 0, 20}, new int[] {14, 0, 20}), shifts, stops);
            shift(date, zone, "N", 18, 12, List.of(new int[] {22, 0, 20}, new int[] {2, 0, 20}), shifts, stops);
        } else {
            shift(date, zone, "A", 6, 8, List.<int[]>of(new int[] {10, 0, 30}), shifts, stops);
            shift(date, zone, "B", 14, 8, List.<int[]>of(new int[] {18, 0, 30}), shifts, stops);
            shift(date, zone, "C", 22, 8, List.<int[]>of(new int[] {2, 0, 30}), shifts, stops);
            if (date.getDayOfWeek() == maintenanceDay(seed, date)) {
                stops.add(new PlannedStop("PM-" + date, null, PlannedStop.Kind.MAINTENANCE,
                    MasterData.code(DownReason.PLANNED_MAINTENANCE), at(date, zone, 6, 0), at(date, zone, 8, 0),
                    "weekly preventive maintenance"));
            }
        }
        stops.sort(java.util.Comparator.comparing(PlannedStop::start));
        return new Day(date, List.copyOf(shifts), List.copyOf(stops));
    }

    /** The weekday of the week holding {@code date} on which planned maintenance takes place. */
    public static DayOfWeek maintenanceDay(long seed, LocalDate date) {
        long week = date.get(IsoFields.WEEK_BASED_YEAR) * 100L + date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        return DayOfWeek.of(1 + Seeds.stream(seed, "maintenance", week).nextInt(5));
    }

    /**
     * One shift starting at {@code startHour} on {@code date}, lasting {@code hours} on the clock,
     * with breaks given as {hour, minute, minutes}; a break hour before the start hour is on the
     * next day.
     */
    private static void shift(LocalDate date, ZoneId zone, String name, int startHour, int hours, List<int[]> breaks,
                              List<Shift> shifts, List<PlannedStop> stops) {
        ZonedDateTime start = ZonedDateTime.of(date, LocalTime.of(startHour, 0), zone);
        ZonedDateTime end = ZonedDateTime.of(date.plusDays(startHour + hours >= 24 ? 1 : 0),
            LocalTime.of((startHour + hours) % 24, 0), zone);
        String id = name + "-" + date;
        shifts.add(new Shift(id, name, null, start.toInstant(), end.toInstant(), zone));
        int n = 0;
        for (int[] b : breaks) {
            LocalDate day = b[0] < startHour ? date.plusDays(1) : date;
            ZonedDateTime from = ZonedDateTime.of(day, LocalTime.of(b[0], b[1]), zone);
            stops.add(new PlannedStop("BRK-" + id + (breaks.size() > 1 ? "-" + ++n : ""), null, PlannedStop.Kind.BREAK,
                MasterData.code(DownReason.BREAK), from.toInstant(), from.plusMinutes(b[2]).toInstant(),
                "break of shift " + name));
        }
    }

    private static java.time.Instant at(LocalDate date, ZoneId zone, int hour, int minute) {
        return ZonedDateTime.of(date, LocalTime.of(hour, minute), zone).toInstant();
    }
}
