package io.convergence.analytics.oee.core;

import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A break taken every day, written {@code "10:00-10:30"}; one ending at or before its start ends the next day. */
public record DailyWindow(LocalTime start, LocalTime end) {

    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})\\s*");

    /**
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    public static DailyWindow parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a break such as \"10:00-10:30\"");
        }
        DailyWindow w = new DailyWindow(ShiftPattern.time(text, m.group(1)), ShiftPattern.time(text, m.group(2)));
        if (w.start.equals(w.end)) {
            throw new IllegalArgumentException("'" + text + "': a break of no length");
        }
        return w;
    }
}
