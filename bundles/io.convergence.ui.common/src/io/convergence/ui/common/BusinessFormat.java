package io.convergence.ui.common;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

import org.eclipse.osgi.util.NLS;

/**
 * How views write business figures: fractions as percentages, durations in hours and minutes, money
 * with its currency, counts with grouping, times in the local zone. One place, so that the OEE,
 * downtime and order views (and partners' views) write an 83.4 % or a 1 h 05 min the same way.
 * Not thread-safe (it holds {@link NumberFormat}s): one per view, used on one thread at a time.
 */
public final class BusinessFormat {

    private final Locale locale;
    private final ZoneId zone;
    private final NumberFormat percent;
    private final NumberFormat count;
    private final NumberFormat money;
    private final DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
    private final DateTimeFormatter seconds = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE d MMM HH:mm");

    public BusinessFormat(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
        this.percent = NumberFormat.getNumberInstance(locale);
        percent.setMinimumFractionDigits(1);
        percent.setMaximumFractionDigits(1);
        this.count = NumberFormat.getIntegerInstance(locale);
        this.money = NumberFormat.getNumberInstance(locale);
        money.setMinimumFractionDigits(0);
        money.setMaximumFractionDigits(0);
    }

    /** The time zone times are written in. */
    public ZoneId zone() {
        return zone;
    }

    /** A fraction as a percentage with one decimal: {@code 0.834} is {@code 83.4 %}; not a number is a dash. */
    public String percent(double fraction) {
        if (Double.isNaN(fraction) || Double.isInfinite(fraction)) {
            return Messages.Format_none;
        }
        return NLS.bind(Messages.Format_percent, percent.format(fraction * 100));
    }

    /** A count with grouping: {@code 12,480}. */
    public String count(long n) {
        return count.format(n);
    }

    /** An amount of money, whole units, with the currency's symbol where the locale has one: {@code 1,240 €}. */
    public String money(double amount, String currency) {
        if (Double.isNaN(amount) || Double.isInfinite(amount)) {
            return Messages.Format_none;
        }
        String symbol = currency;
        try {
            symbol = Currency.getInstance(currency).getSymbol(locale);
        } catch (IllegalArgumentException e) {
            // not an ISO 4217 code: write it as given
        }
        return NLS.bind(Messages.Format_money, money.format(amount), symbol);
    }

    /**
     * A duration in the two largest units that matter: {@code 45 s}, {@code 12 min 05 s},
     * {@code 3 h 20 min}, {@code 2 d 4 h}. Negative durations get a minus sign.
     */
    public String duration(double secondsValue) {
        if (Double.isNaN(secondsValue) || Double.isInfinite(secondsValue)) {
            return Messages.Format_none;
        }
        long s = Math.round(Math.abs(secondsValue));
        String sign = secondsValue < 0 && s > 0 ? "\u2212" : "";
        String text;
        if (s < 60) {
            text = NLS.bind(Messages.Format_seconds, s);
        } else if (s < 3600) {
            text = NLS.bind(Messages.Format_minutes, s / 60, String.format(Locale.ROOT, "%02d", s % 60));
        } else if (s < 86_400) {
            text = NLS.bind(Messages.Format_hours, s / 3600, String.format(Locale.ROOT, "%02d", (s % 3600) / 60));
        } else {
            text = NLS.bind(Messages.Format_days, s / 86_400, (s % 86_400) / 3600);
        }
        return sign + text;
    }

    /** The time of day, {@code 14:05}. */
    public String time(Instant t) {
        return time.format(t.atZone(zone));
    }

    /** The time of day with seconds, {@code 14:05:09}. */
    public String timeSeconds(Instant t) {
        return seconds.format(t.atZone(zone));
    }

    /** Day and time, {@code Tue 4 Mar 14:05}; only the time if {@code t} is on the same day as {@code now}. */
    public String dayTime(Instant t, Instant now) {
        ZonedDateTime z = t.atZone(zone);
        return z.toLocalDate().equals(now.atZone(zone).toLocalDate()) ? time.format(z) : day.withLocale(locale).format(z);
    }

    /** Whole seconds between two instants, as {@link #duration}. */
    public String between(Instant from, Instant to) {
        return duration(Duration.between(from, to).toMillis() / 1000.0);
    }
}
