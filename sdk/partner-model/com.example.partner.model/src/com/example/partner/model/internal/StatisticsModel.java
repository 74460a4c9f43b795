package com.example.partner.model.internal;

import java.time.Instant;
import java.util.List;

import io.convergence.api.model.AnalyticsModel;
import io.convergence.api.model.ModelContext;
import io.convergence.api.model.ModelRun;
import io.convergence.api.point.DataType;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointFilter;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;

/**
 * Statistics of the samples of some points per window of time: mean, minimum, maximum, standard
 * deviation (of the population) and count, each published under the model's output path and stamped
 * with the window's start.
 *
 * <p>What the contract asks of a model, and how this one answers:
 * <ul>
 * <li>its inputs ({@link #inputs()}) and outputs ({@link #outputs()}), fixed by its settings;</li>
 * <li>its logic in a {@link ModelRun} ({@link StatisticsRun}), which never knows whether its samples
 *     come from the bus or from history: the same code computes live and over past ranges;</li>
 * <li>{@link #recomputeFrom} says where a change of data must be recomputed from: the start of the
 *     window that holds it. Windows are aligned to multiples of their length, so a recompute of a
 *     range gives the figures the live run gave (or would have, had the data been there in time).</li>
 * </ul>
 */
public final class StatisticsModel implements AnalyticsModel {

    /** The model's type, the service property {@value AnalyticsModel#TYPE_PROPERTY}. */
    public static final String TYPE = "example-statistics";

    private final Settings settings;
    private final StatisticsRun.Outputs paths;
    private final List<PointInfo> outputs;

    public StatisticsModel(Settings settings) {
        this.settings = settings;
        PointPath o = settings.output();
        this.paths = new StatisticsRun.Outputs(o.child("mean"), o.child("min"), o.child("max"), o.child("stddev"),
            o.child("count"));
        String window = "per window of " + settings.windowMicros() / Micros.PER_SECOND + " s of " + settings.inputs();
        String id = settings.id();
        this.outputs = List.of(
            new PointInfo(paths.mean(), DataType.DOUBLE, "", "Mean " + window, id, null),
            new PointInfo(paths.min(), DataType.DOUBLE, "", "Minimum " + window, id, null),
            new PointInfo(paths.max(), DataType.DOUBLE, "", "Maximum " + window, id, null),
            new PointInfo(paths.stddev(), DataType.DOUBLE, "", "Standard deviation " + window, id, null),
            new PointInfo(paths.count(), DataType.INTEGER, "", "Samples " + window, id, null));
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public PointFilter inputs() {
        return settings.inputs();
    }

    @Override
    public List<PointInfo> outputs() {
        return outputs;
    }

    @Override
    public ModelRun open(ModelContext context) {
        return new StatisticsRun(settings, paths, context);
    }

    /** The start of the window that holds {@code changed}. */
    @Override
    public Instant recomputeFrom(Instant changed) {
        long w = settings.windowMicros();
        return Micros.toInstant(Math.floorDiv(Micros.of(changed), w) * w);
    }

    @Override
    public String toString() {
        return "window statistics '" + settings.id() + "'";
    }
}
