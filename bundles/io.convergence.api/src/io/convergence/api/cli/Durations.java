package io.convergence.api.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations such as {@code 20s}, {@code 5m}, {@code 1h30m} or {@code 1.5h}, and times such as
 * {@code -1h} or ISO-8601, as every command reads them. Values are computed exactly (no floating
 * point, no silent overflow) and checked against a range, so that a number too large for what it
 * describes is a usage error rather than a failure later on.
 *
 * @since 1.0
 */
public final class Durations {

    /** The longest duration accepted unless a command says otherwise: far more than any run or range. */
    public static final Duration MAX = Duration.ofDays(36_500);

    /** The earliest time accepted: the historians' range starts at year 1. */
    public static final Instant EARLIEST = LocalDate.of(1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

    /** The end of the latest time accepted (exclusive): the historians' range ends with year 9999. */
    public static final Instant LATEST = LocalDate.of(10_000, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

    private Durations() {
    }

    /**
     * Parses a duration of at most {@link #MAX}; a bare number counts seconds.
     *
     * @param option the option's name without dashes, for messages
     * @param text the value as typed
     * @throws UsageException if it is not a duration or too long; the message names the option
     */
    public static Duration parse(String option, String text) throws UsageException {
        return parse(option, text, MAX);
    }

    /** Parses a duration of at most {@code max}; a bare number counts seconds. */
    public static Duration parse(String option, String text, Duration max) throws UsageException {
        String t = text.trim().toLowerCase(Locale.ROOT);
        BigDecimal nanos = BigDecimal.ZERO;
        if (t.matches("\\d+")) {
            nanos = new BigDecimal(t).multiply(NANOS_PER_SECOND);
        } else {
            Matcher m = PART.matcher(t);
            int at = 0;
            while (m.find() && m.start() == at) {
                nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos(m.group(2)))));
                at = m.end();
            }
            if (at != t.length() || t.isEmpty()) {
                throw new UsageException("--" + option + " " + Args.shown(text)
                    + ": expected a duration such as 500ms, 20s, 5m, 1h30m or 2d");
            }
        }
        if (nanos.compareTo(BigDecimal.valueOf(max.toNanos())) > 0) {
            throw new UsageException("--" + option + " " + Args.shown(text) + ": out of range; at most "
                + format(max));
        }
        return Duration.ofNanos(nanos.setScale(0, RoundingMode.DOWN).longValueExact());
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 86_400_000_000_000L;
        };
    }

    /**
     * {@code now}, {@code -1h} (relative to now), an ISO instant, a local date-time or a date, from
     * year 1 to year 9999 (what historians store).
     *
     * @param option the option's name without dashes, for messages
     * @param text the value as typed
     * @param now the time {@code now} and relative times refer to
     * @throws UsageException if it is not a time or out of range; the message names the option
     */
    public static Instant time(String option, String text, Instant now) throws UsageException {
        String t = text.trim();
        Instant result;
        if (t.equalsIgnoreCase("now")) {
            result = now;
        } else if (t.startsWith("-")) {
            result = now.minus(parse(option, t.substring(1)));
        } else {
            result = parseTime(option, text, t);
        }
        if (result.isBefore(EARLIEST) || !result.isBefore(LATEST)) {
            throw new UsageException("--" + option + " " + Args.shown(text)
                + ": out of range; expected a time from 0001-01-01 to 9999-12-31");
        }
        return result;
    }

    private static Instant parseTime(String option, String text, String t) throws UsageException {
        try {
            return Instant.parse(t);
        } catch (DateTimeException e) {
            // try the local forms below
        }
        try {
            return LocalDateTime.parse(t).atZone(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeException e) {
            // try a date
        }
        try {
            return LocalDate.parse(t).atStartOfDay(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeException e) {
            throw new UsageException("--" + option + " " + Args.shown(text)
                + ": expected a time such as 2026-11-26T08:00:00Z, 2026-11-26T09:00, 2026-11-26, now or -1h");
        }
    }

    /** A duration as the options write it, rounded down to seconds: {@code 45s}, {@code 5m30s}, {@code 2h}, {@code 36500d}. */
    public static String format(Duration d) {
        long s = d.toSeconds();
        if (s >= 86_400 && s % 86_400 == 0) {
            return (s / 86_400) + "d";
        }
        return s < 60 ? s + "s" : s < 3600 ? (s / 60) + "m" + (s % 60 == 0 ? "" : (s % 60) + "s")
            : (s / 3600) + "h" + ((s % 3600) / 60 == 0 ? "" : ((s % 3600) / 60) + "m");
    }
}
