package io.convergence.ui.trend.internal.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Time-axis ticks at round times of the local clock (every 10 s, 5 min, 1 h, 1 day...), as many
 * as fit with room for their labels. A tick on a new day is labelled with the date.
 */
public final class TimeTicks {

    private static final long MS = 1_000L;
    private static final long S = 1_000_000L;
    private static final long MIN = 60 * S;
    private static final long H = 60 * MIN;
    private static final long D = 24 * H;

    /** Candidate steps, microseconds. */
    static final long[] STEPS = {MS, 2 * MS, 5 * MS, 10 * MS, 20 * MS, 50 * MS, 100 * MS, 200 * MS, 500 * MS,
        S, 2 * S, 5 * S, 10 * S, 15 * S, 30 * S, MIN, 2 * MIN, 5 * MIN, 10 * MIN, 15 * MIN, 30 * MIN, H, 2 * H,
        3 * H, 6 * H, 12 * H, D, 2 * D, 7 * D, 14 * D, 28 * D, 91 * D, 364 * D};

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM");
    private static final DateTimeFormatter YEAR = DateTimeFormatter.ofPattern("d MMM yyyy");

    /**
     * One tick.
     *
     * @param time microseconds since the epoch
     * @param label what to write under it
     * @param major whether it starts a new day (drawn stronger)
     */
    public record Tick(long time, String label, boolean major) {
    }

    private TimeTicks() {
    }

    /** The step for a window of {@code span} on {@code pixels}, with a label every {@code labelPixels} at least. */
    public static long step(long span, int pixels, int labelPixels) {
        double most = Math.max(1.0, (double) pixels / Math.max(1, labelPixels));
        for (long s : STEPS) {
            if (span / (double) s <= most) {
                return s;
            }
        }
        return STEPS[STEPS.length - 1];
    }

    /** The ticks inside {@code window}, in the given zone. */
    public static List<Tick> ticks(TimeWindow window, int pixels, int labelPixels, ZoneId zone) {
        long step = step(window.span(), pixels, labelPixels);
        List<Tick> out = new ArrayList<>();
        long t = first(window.from(), step, zone);
        LocalDate previous = null;
        for (int n = 0; t < window.to() && n < 1000; n++) {
            if (t >= window.from()) {
                ZonedDateTime z = Instant.ofEpochSecond(Math.floorDiv(t, S), Math.floorMod(t, S) * 1000).atZone(zone);
                LocalDate day = z.toLocalDate();
                boolean newDay = previous != null && !day.equals(previous)
                    || z.getHour() == 0 && z.getMinute() == 0 && z.getSecond() == 0 && z.getNano() == 0;
                previous = day;
                out.add(new Tick(t, label(z, step, newDay), newDay));
            }
            t = next(t, step, zone);
        }
        return out;
    }

    private static String label(ZonedDateTime z, long step, boolean newDay) {
        if (step >= 91 * D) {
            return YEAR.format(z);
        }
        if (step >= D || newDay && step >= MIN) {
            return DAY.format(z);
        }
        return (step < S ? MILLIS : step < MIN ? SECONDS : MINUTES).format(z);
    }

    /** The first round time at or after {@code from}. */
    private static long first(long from, long step, ZoneId zone) {
        if (step >= D) {
            ZonedDateTime z = Instant.ofEpochSecond(Math.floorDiv(from, S)).atZone(zone).toLocalDate().atStartOfDay(zone);
            long t = micros(z);
            long days = step / D;
            if (days == 7) {
                t = micros(z.minusDays(z.getDayOfWeek().getValue() - 1L));
            } else if (days > 1) {
                long epochDay = z.toLocalDate().toEpochDay();
                t = micros(z.minusDays(Math.floorMod(epochDay, days)));
            }
            while (t < from) {
                t = next(t, step, zone);
            }
            return t;
        }
        long offset = zone.getRules().getOffset(Instant.ofEpochSecond(Math.floorDiv(from, S))).getTotalSeconds() * S;
        long local = from + offset;
        long rounded = Math.floorDiv(local + step - 1, step) * step;
        return rounded - offset;
    }

    private static long next(long t, long step, ZoneId zone) {
        if (step >= D) {
            ZonedDateTime z = Instant.ofEpochSecond(Math.floorDiv(t, S)).atZone(zone);
            return micros(z.plusDays(step / D).toLocalDate().atStartOfDay(zone));
        }
        return t + step;
    }

    private static long micros(ZonedDateTime z) {
        return z.toEpochSecond() * S + z.getNano() / 1000;
    }
}
