package io.convergence.ui.trend.internal.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/** Local times as the custom range dialog and the status line write them. */
public final class TimeFormats {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private TimeFormats() {
    }

    /** A time as {@code yyyy-MM-dd HH:mm:ss} in the zone. */
    public static String format(long micros, ZoneId zone) {
        return LOCAL.format(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L)).atZone(zone));
    }

    /**
     * Parses {@code yyyy-MM-dd HH:mm:ss} (seconds optional, {@code T} accepted between date and time)
     * in the zone.
     *
     * @return microseconds since the epoch, or {@code null} if the text is not such a time
     */
    public static @Nullable Long parse(String text, ZoneId zone) {
        String s = text.strip().replace('T', ' ');
        if (s.length() == 16) {
            s = s + ":00";
        }
        try {
            Instant t = LocalDateTime.parse(s, LOCAL).atZone(zone).toInstant();
            return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A window as the toolbar shows it: {@code from — to}, the date of {@code to} left out when the same. */
    public static String window(TimeWindow w, ZoneId zone) {
        String a = format(w.from(), zone);
        String b = format(w.to(), zone);
        if (a.regionMatches(0, b, 0, 11)) {
            b = b.substring(11);
        }
        return a + " \u2013 " + b;
    }
}
