package io.convergence.runtime.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations such as {@code 20s}, {@code 5m}, {@code 1h30m}, and times such as {@code -1h} or ISO-8601. */
final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

    private Durations() {
    }

    static Duration parse(String option, String text) throws UsageException {
        String t = text.trim().toLowerCase();
        if (t.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(t));
        }
        Matcher m = PART.matcher(t);
        int at = 0;
        long millis = 0;
        while (m.find() && m.start() == at) {
            double n = Double.parseDouble(m.group(1));
            millis += (long) (n * switch (m.group(2)) {
                case "ms" -> 1;
                case "s" -> 1_000;
                case "m" -> 60_000;
                case "h" -> 3_600_000;
                default -> 86_400_000;
            });
            at = m.end();
        }
        if (at != t.length() || t.isEmpty()) {
            throw new UsageException("--" + option + " " + text + ": expected a duration such as 500ms, 20s, 5m, 1h30m or 2d");
        }
        return Duration.ofMillis(millis);
    }

    /** {@code now}, {@code -1h} (relative to now), an ISO instant, a local date-time or a date. */
    static Instant time(String option, String text, Instant now) throws UsageException {
        String t = text.trim();
        if (t.equalsIgnoreCase("now")) {
            return now;
        }
        if (t.startsWith("-")) {
            return now.minus(parse(option, t.substring(1)));
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            // try the local forms below
        }
        try {
            return LocalDateTime.parse(t).atZone(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException e) {
            // try a date
        }
        try {
            return LocalDate.parse(t).atStartOfDay(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException e) {
            throw new UsageException("--" + option + " " + text
                + ": expected a time such as 2026-11-26T08:00:00Z, 2026-11-26T09:00, 2026-11-26, now or -1h");
        }
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s < 60 ? s + "s" : s < 3600 ? (s / 60) + "m" + (s % 60 == 0 ? "" : (s % 60) + "s")
            : (s / 3600) + "h" + ((s % 3600) / 60 == 0 ? "" : ((s % 3600) / 60) + "m");
    }
}
