package io.convergence.analytics.oee.core;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shift worked every day, written {@code "A 06:00-14:00"}: a name and local start and end times;
 * an end at or before the start is on the next day ({@code "C 22:00-06:00"}). {@code 24:00} is
 * midnight at the end of the day.
 */
public record ShiftPattern(String name, LocalTime start, LocalTime end) {

    private static final Pattern FORM = Pattern.compile("\\s*(\\S+)\\s+(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})\\s*");

    /**
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    public static ShiftPattern parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a shift such as \"A 06:00-14:00\"");
        }
        return new ShiftPattern(m.group(1), time(text, m.group(2)), time(text, m.group(3)));
    }

    /** A local time {@code HH:MM}; {@code 24:00} is midnight. */
    static LocalTime time(String text, String hhmm) {
        if (hhmm.equals("24:00")) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(hhmm.length() == 4 ? "0" + hhmm : hhmm);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "': '" + hhmm + "' is not a time of day (00:00 to 24:00)", e);
        }
    }

    @Override
    public String toString() {
        return name + " " + start + "-" + (end.equals(LocalTime.MIDNIGHT) ? "24:00" : end.toString());
    }
}
