package io.convergence.ui.live.internal;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.convergence.api.point.DataType;

import org.eclipse.osgi.util.NLS;
import org.jspecify.annotations.Nullable;

/**
 * How the Live Values view writes values, timestamps and ages. Not thread-safe (it holds
 * {@link DecimalFormat}s); one per view, used on the UI thread.
 */
public final class ValueFormat {

    private final ZoneId zone;
    private final DecimalFormat plain;
    private final DecimalFormat scientific;
    private final DateTimeFormatter today = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private final DateTimeFormatter older = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public ValueFormat(Locale locale, ZoneId zone) {
        this.zone = zone;
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        this.plain = new DecimalFormat("0.###", symbols);
        this.scientific = new DecimalFormat("0.###E0", symbols);
    }

    /**
     * A value as shown: numbers with at most three decimals (scientific when very large or very
     * small), whole numbers for integer points, {@code true}/{@code false} for booleans, text as is.
     *
     * @param type the point's type if known
     */
    public String value(@Nullable Object value, @Nullable DataType type) {
        if (value == null) {
            return Messages.Live_noValue;
        }
        if (!(value instanceof Number n)) {
            return value.toString();
        }
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        if (type == DataType.BOOLEAN) {
            return Boolean.toString(d != 0.0);
        }
        if (type == DataType.INTEGER && Math.abs(d) < 1e15) {
            return Long.toString(Math.round(d));
        }
        double a = Math.abs(d);
        return a != 0.0 && (a >= 1e9 || a < 1e-3) ? scientific.format(d) : plain.format(d);
    }

    /** A source timestamp: the time of day with milliseconds if it is today, otherwise date and time. */
    public String time(long micros, long nowMillis) {
        Instant t = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
        ZonedDateTime z = t.atZone(zone);
        LocalDate now = Instant.ofEpochMilli(nowMillis).atZone(zone).toLocalDate();
        return z.toLocalDate().equals(now) ? today.format(z) : older.format(z);
    }

    /** An age in the largest whole unit that fits: {@code < 1 s}, {@code 12 s}, {@code 3 min}, {@code 5 h}, {@code 2 d}. */
    public String age(long millis) {
        long s = Math.max(0, millis) / 1000;
        if (s < 1) {
            return Messages.Live_ageNow;
        } else if (s < 60) {
            return NLS.bind(Messages.Live_ageSeconds, s);
        } else if (s < 3600) {
            return NLS.bind(Messages.Live_ageMinutes, s / 60);
        } else if (s < 86_400) {
            return NLS.bind(Messages.Live_ageHours, s / 3600);
        }
        return NLS.bind(Messages.Live_ageDays, s / 86_400);
    }
}
