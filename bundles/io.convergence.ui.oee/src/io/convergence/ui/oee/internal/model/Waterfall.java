package io.convergence.ui.oee.internal.model;

import java.util.ArrayList;
import java.util.List;

import io.convergence.api.business.LossCategory;
import io.convergence.api.oee.Losses;

/**
 * The loss waterfall of a period: planned production time, the six big losses one after the
 * other, and the fully productive time left. The losses are the model's, as it reported them; the
 * result is what they leave of the planned time (never below 0, should the losses add up to more).
 */
public final class Waterfall {

    private Waterfall() {
    }

    /** The eight bars of a period with {@code plannedSeconds} of planned production time. */
    public static List<Step> of(double plannedSeconds, Losses losses) {
        double planned = Math.max(0, plannedSeconds);
        List<Step> out = new ArrayList<>(8);
        out.add(new Step(Messages.Waterfall_planned, 0, planned, Step.Kind.PLANNED, null, planned > 0 ? 1 : 0));
        double level = planned;
        level = loss(out, Messages.Waterfall_breakdowns, losses.breakdownSeconds(), LossCategory.AVAILABILITY, level, planned);
        level = loss(out, Messages.Waterfall_setup, losses.setupSeconds(), LossCategory.AVAILABILITY, level, planned);
        level = loss(out, Messages.Waterfall_smallStops, losses.smallStopSeconds(), LossCategory.PERFORMANCE, level, planned);
        level = loss(out, Messages.Waterfall_reducedSpeed, losses.reducedSpeedSeconds(), LossCategory.PERFORMANCE, level,
            planned);
        level = loss(out, Messages.Waterfall_startupRejects, losses.startupRejectSeconds(), LossCategory.QUALITY, level,
            planned);
        level = loss(out, Messages.Waterfall_productionRejects, losses.productionRejectSeconds(), LossCategory.QUALITY,
            level, planned);
        out.add(new Step(Messages.Waterfall_productive, 0, level, Step.Kind.PRODUCTIVE, null, planned > 0 ? level / planned : 0));
        return out;
    }

    private static double loss(List<Step> out, String label, double seconds, LossCategory category, double level,
                               double planned) {
        double s = Math.max(0, Math.min(seconds, level));
        out.add(new Step(label, level - s, level, Step.Kind.LOSS, category, planned > 0 ? s / planned : 0));
        return level - s;
    }
}
