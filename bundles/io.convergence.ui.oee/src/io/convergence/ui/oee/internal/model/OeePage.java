package io.convergence.ui.oee.internal.model;

import java.util.ArrayList;
import java.util.List;

import io.convergence.api.oee.Definition;
import io.convergence.api.oee.OeeFigures;
import io.convergence.ui.common.BusinessFormat;

import org.eclipse.osgi.util.NLS;
import org.jspecify.annotations.Nullable;

/**
 * The texts of the OEE view from a snapshot: headings, tiles, the definition sentence, the chart's
 * bars and the waterfall's steps. Everything the view writes is decided here, so that it is tested
 * without a display.
 */
public final class OeePage {

    private final BusinessFormat format;

    public OeePage(BusinessFormat format) {
        this.format = format;
    }

    /** The message that replaces the view's content, {@code null} when there are figures to show. */
    public @Nullable Notice message(OeeSnapshot s) {
        return switch (s.status()) {
            case NO_SERVICE -> new Notice(Messages.Oee_noServiceTitle, Messages.Oee_noService);
            case NO_LINES -> new Notice(Messages.Oee_noLinesTitle, Messages.Oee_noLines);
            case FAILED -> new Notice(Messages.Oee_failedTitle, NLS.bind(Messages.Oee_failed, s.problem()));
            case OK -> null;
        };
    }

    /** A message in place of the view's content: a headline and what to do. */
    public record Notice(String title, String text) {
    }

    /** The heading of the current shift's row: {@code Shift B · 14:00–now · 6 h 10 min planned}. */
    public String shiftHeading(@Nullable OeeFigures f) {
        if (f == null) {
            return Messages.Oee_noShift;
        }
        return NLS.bind(Messages.Oee_shiftHeading, new Object[] {f.shift() == null ? "" : f.shift(), span(f),
            format.duration(f.plannedSeconds())});
    }

    /** The heading of the running order's row: {@code Order 4711 · product P-330 · since 09:12}. */
    public String orderHeading(@Nullable OeeFigures f) {
        if (f == null) {
            return Messages.Oee_noOrder;
        }
        String product = f.product() == null ? "" : NLS.bind(Messages.Oee_product, f.product());
        return NLS.bind(Messages.Oee_orderHeading, new Object[] {f.order() == null ? "" : f.order(), product, span(f),
            format.count(f.goodCount()), format.count(f.rejectCount())});
    }

    /**
     * The four tiles of a period: availability, performance, quality, OEE; dashes without figures, and
     * for a period without planned production time (a planned stop since it began), whose figures
     * measure nothing.
     */
    public List<Tile> tiles(@Nullable OeeFigures f) {
        List<Tile> out = new ArrayList<>(4);
        for (Grade.Factor factor : Grade.Factor.values()) {
            double v = f == null || !(f.plannedSeconds() > 0) ? Double.NaN : switch (factor) {
                case AVAILABILITY -> f.availability();
                case PERFORMANCE -> f.performance();
                case QUALITY -> f.quality();
                case OEE -> f.oee();
            };
            out.add(new Tile(factor, format.percent(v), Grade.of(factor, v)));
        }
        return out;
    }

    /** The name of a factor, as a tile's title. */
    public static String factorName(Grade.Factor factor) {
        return switch (factor) {
            case AVAILABILITY -> Messages.Oee_availability;
            case PERFORMANCE -> Messages.Oee_performance;
            case QUALITY -> Messages.Oee_quality;
            case OEE -> Messages.Oee_oee;
        };
    }

    /** The sentence that says which definition the figures follow; the current shift's, else the order's. */
    public String definition(OeeSnapshot s) {
        OeeFigures f = s.shift() != null ? s.shift() : s.order();
        if (f == null && !s.shifts().isEmpty()) {
            f = s.shifts().get(s.shifts().size() - 1);
        }
        if (f == null) {
            return Messages.Oee_definitionUnknown;
        }
        return f.definition() == Definition.ISO22400 ? Messages.Oee_definitionIso : Messages.Oee_definitionCommon;
    }

    /** The labels under the bars of the last shifts: day and shift, {@code Tue B}; the running one {@code B (now)}. */
    public String[] shiftLabels(OeeSnapshot s) {
        String[] out = new String[s.shifts().size()];
        for (int i = 0; i < out.length; i++) {
            OeeFigures f = s.shifts().get(i);
            String name = f.shift() == null ? format.time(f.from()) : f.shift();
            String day = f.from().atZone(format.zone()).getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT,
                java.util.Locale.getDefault(java.util.Locale.Category.FORMAT));
            out[i] = f.complete() ? NLS.bind(Messages.Oee_shiftLabel, day, name) : NLS.bind(Messages.Oee_shiftLabelNow, name);
        }
        return out;
    }

    /** The OEE of the last shifts, in percent, for the chart. */
    public static double[] shiftOee(OeeSnapshot s) {
        return s.shifts().stream().mapToDouble(f -> Double.isNaN(f.oee()) ? 0 : f.oee() * 100).toArray();
    }

    /** The period the waterfall shows: the current shift, else the running order, else none. */
    public static @Nullable OeeFigures waterfallPeriod(OeeSnapshot s) {
        return s.shift() != null ? s.shift() : s.order();
    }

    /** The waterfall's title. */
    public String waterfallTitle(OeeSnapshot s) {
        OeeFigures f = waterfallPeriod(s);
        if (f == null) {
            return Messages.Oee_waterfallNone;
        }
        return f == s.shift() ? NLS.bind(Messages.Oee_waterfallShift, f.shift() == null ? "" : f.shift())
            : NLS.bind(Messages.Oee_waterfallOrder, f.order() == null ? "" : f.order());
    }

    /** The waterfall's bars, empty without a period. */
    public static List<Step> waterfall(OeeSnapshot s) {
        OeeFigures f = waterfallPeriod(s);
        return f == null ? List.of() : Waterfall.of(f.plannedSeconds(), f.losses());
    }

    /** The text above a waterfall bar: its duration and share of the planned time, {@code 42 min · 9.1 %}. */
    public String stepValue(Step step) {
        return NLS.bind(Messages.Oee_stepValue, format.duration(step.seconds()), format.percent(step.share()));
    }

    private String span(OeeFigures f) {
        String from = format.dayTime(f.from(), f.to());
        return f.complete() ? NLS.bind(Messages.Oee_span, from, format.time(f.to())) : NLS.bind(Messages.Oee_spanNow, from);
    }
}
