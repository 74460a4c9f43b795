package io.convergence.ui.downtime.internal.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.convergence.api.business.LossCategory;
import io.convergence.api.business.ReasonCode;
import io.convergence.api.oee.ReasonCost;
import io.convergence.api.oee.Stop;
import io.convergence.ui.common.BusinessFormat;

import org.eclipse.osgi.util.NLS;
import org.jspecify.annotations.Nullable;

/**
 * The texts and figures of the Downtime view from a snapshot: the two Paretos, the stop list's
 * rows, the reasons offered, and the checks of a split time. Tested without a display.
 */
public final class DowntimePage {

    /** A message in place of the view's content. */
    public record Notice(String title, String text) {
    }

    /**
     * One row of the stop list, as written.
     *
     * @param stop the stop it shows
     * @param start its start
     * @param end its end, or "running"
     * @param duration its length
     * @param reason code and text
     * @param category the OEE factor
     * @param note planned, micro-stop, corrected
     */
    public record Row(Stop stop, String start, String end, String duration, String reason, String category, String note) {
    }

    private final BusinessFormat format;

    public DowntimePage(BusinessFormat format) {
        this.format = format;
    }

    public @Nullable Notice message(DowntimeSnapshot s) {
        return switch (s.status()) {
            case NO_SERVICE -> new Notice(Messages.Downtime_noServiceTitle, Messages.Downtime_noService);
            case NO_LINES -> new Notice(Messages.Downtime_noLinesTitle, Messages.Downtime_noLines);
            case FAILED -> new Notice(Messages.Downtime_failedTitle, s.problem());
            case OK -> null;
        };
    }

    /** The unplanned stops' time by reason (seconds within the range), largest first. */
    public static List<Pareto.Bar> byTime(DowntimeSnapshot s) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (Stop stop : s.stops()) {
            if (stop.planned()) {
                continue;
            }
            Instant start = stop.start().isBefore(s.from()) ? s.from() : stop.start();
            Instant end = stop.end() == null || stop.end().isAfter(s.to()) ? s.to() : stop.end();
            double secs = Math.max(0, (end.toEpochMilli() - start.toEpochMilli()) / 1000.0);
            seconds.merge(reasonLabel(stop.reasonCode(), stop.reasonText()), secs, Double::sum);
        }
        return Pareto.of(seconds);
    }

    /** The cost by reason, costliest first; empty without costs. */
    public static List<Pareto.Bar> byCost(DowntimeSnapshot s) {
        Map<String, Double> cost = new LinkedHashMap<>();
        for (ReasonCost r : s.costs()) {
            cost.merge(reasonLabel(r.reasonCode(), r.reasonText()), r.cost(), Double::sum);
        }
        return Pareto.of(cost);
    }

    /** The currency of the costs; empty without costs. */
    public static String currency(DowntimeSnapshot s) {
        return s.costs().isEmpty() ? "" : s.costs().get(0).currency();
    }

    /** A reason as written in the charts and the list: its text, or "no reason". */
    public static String reasonLabel(@Nullable String code, String text) {
        if (code == null) {
            return text.isBlank() ? Messages.Downtime_noReason : text;
        }
        return text.isBlank() ? code : text;
    }

    /** The summary above the charts: {@code 14 stops · 2 h 05 min unplanned · 3,240 € }. */
    public String summary(DowntimeSnapshot s) {
        long unplanned = s.stops().stream().filter(st -> !st.planned()).count();
        double seconds = byTime(s).stream().mapToDouble(Pareto.Bar::value).sum();
        String cost = s.costs().isEmpty() ? s.costProblem()
            : format.money(s.costs().stream().mapToDouble(ReasonCost::cost).sum(), currency(s));
        return NLS.bind(Messages.Downtime_summary, new Object[] {s.stops().size(), unplanned, format.duration(seconds), cost});
    }

    /** The rows of the stop list, newest first. */
    public List<Row> rows(DowntimeSnapshot s) {
        List<Row> out = new ArrayList<>(s.stops().size());
        for (int i = s.stops().size() - 1; i >= 0; i--) {
            Stop st = s.stops().get(i);
            String end = st.end() == null ? Messages.Downtime_running : format.dayTime(st.end(), s.to());
            String reason = st.reasonCode() == null ? reasonLabel(null, st.reasonText())
                : NLS.bind(Messages.Downtime_reason, st.reasonCode(), st.reasonText());
            List<String> notes = new ArrayList<>();
            if (st.planned()) {
                notes.add(Messages.Downtime_planned);
            }
            if (st.micro()) {
                notes.add(Messages.Downtime_micro);
            }
            if (st.corrected()) {
                notes.add(Messages.Downtime_corrected);
            }
            out.add(new Row(st, format.dayTime(st.start(), s.to()), end, format.duration(st.seconds(s.to())), reason,
                category(st.category()), String.join(", ", notes)));
        }
        return out;
    }

    /** A loss category as written. */
    public static String category(LossCategory c) {
        return switch (c) {
            case AVAILABILITY -> Messages.Category_AVAILABILITY;
            case PERFORMANCE -> Messages.Category_PERFORMANCE;
            case QUALITY -> Messages.Category_QUALITY;
        };
    }

    /** A reason code as offered in the picker: {@code 3 — bearing fault (availability)}. */
    public static String reasonChoice(ReasonCode r) {
        return NLS.bind(r.planned() ? Messages.Downtime_choicePlanned : Messages.Downtime_choice,
            new Object[] {r.code(), r.text(), category(r.category())});
    }

    /** The reasons an operator may give a stop: those that are not about units (quality) come first. */
    public static List<ReasonCode> pickable(DowntimeSnapshot s) {
        List<ReasonCode> out = new ArrayList<>(s.reasons().stream().filter(r -> r.category() != LossCategory.QUALITY).toList());
        return out;
    }

    /** The time offered for a split: the middle of the stop (up to now for a running one), whole seconds. */
    public String defaultSplit(Stop stop, Instant now) {
        Instant end = stop.end() == null ? now : stop.end();
        long mid = (stop.start().getEpochSecond() + end.getEpochSecond()) / 2;
        return format.timeSeconds(Instant.ofEpochSecond(mid));
    }

    /**
     * The instant a split time typed as {@code HH:mm[:ss]} names: on the day of the stop's start, or
     * the next day if the stop runs past midnight and the time is earlier than its start.
     *
     * @throws IllegalArgumentException saying what is wrong: not a time, or not inside the stop
     */
    public Instant splitAt(String typed, Stop stop, Instant now) {
        LocalTime t;
        try {
            t = LocalTime.parse(typed.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(NLS.bind(Messages.Split_notATime, typed.strip()));
        }
        ZonedDateTime start = stop.start().atZone(format.zone());
        LocalDate day = start.toLocalDate();
        Instant at = ZonedDateTime.of(day, t, format.zone()).toInstant();
        if (at.isBefore(stop.start())) {
            at = ZonedDateTime.of(day.plusDays(1), t, format.zone()).toInstant();
        }
        Instant end = stop.end() == null ? now : stop.end();
        if (!at.isAfter(stop.start()) || !at.isBefore(end)) {
            throw new IllegalArgumentException(NLS.bind(Messages.Split_outside, new Object[] {typed.strip(),
                format.timeSeconds(stop.start()), stop.end() == null ? Messages.Downtime_running : format.timeSeconds(end)}));
        }
        return at;
    }

    /** What the view says once a reason was set. */
    public String reassigned(Stop stop, ReasonCode r) {
        return NLS.bind(Messages.Done_reassigned, format.timeSeconds(stop.start()), r.text());
    }

    /** What the view says once a stop was split. */
    public String split(Stop stop, Instant at, ReasonCode r) {
        return NLS.bind(Messages.Done_split, new Object[] {format.timeSeconds(stop.start()), format.timeSeconds(at), r.text()});
    }

    /** What the view says when the OEE service refused a correction. */
    public String refused(Stop stop, String what, String why) {
        return NLS.bind(Messages.Error_refused, new Object[] {what, format.timeSeconds(stop.start()), why});
    }

    /** The value written on a time bar. */
    public String timeValue(double seconds) {
        return format.duration(seconds);
    }

    /** The value written on a cost bar. */
    public String costValue(double cost, String currency) {
        return format.money(cost, currency);
    }
}
