package io.convergence.api.model;

import java.time.Instant;
import java.util.List;

import io.convergence.api.point.PointFilter;
import io.convergence.api.point.PointInfo;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An analytics model: turns samples of the points it declares into derived samples under points of
 * its own, and into events. Implemented by partners; registered as an OSGi service (usually a DS
 * component with a factory configuration described by MetaType, like a connector), with the
 * property {@link #ID_PROPERTY}.
 *
 * <p>The runtime's {@link ModelHost} runs it. A model's logic lives in a {@link ModelRun}, and the
 * host feeds a run in one way whatever the samples' origin: live from the sample bus, from history
 * to catch up after a restart, or from history to recompute a range whose data changed late. So
 * the figures a model computes live and the ones it computes over history are the same figures.
 *
 * @since 1.0
 */
@ConsumerType
public interface AnalyticsModel {

    /** Service property holding the model's id. */
    String ID_PROPERTY = "convergence.model.id";

    /** Service property holding the model's type, such as {@code oee}. */
    String TYPE_PROPERTY = "convergence.model.type";

    /** The id given in the configuration; unique in a runtime. Derived points are announced under it. */
    String id();

    /** The points whose samples the model consumes. */
    PointFilter inputs();

    /** The derived points the model publishes; the host announces them under {@link #id()}. */
    List<PointInfo> outputs();

    /**
     * Starts a run of the model. A live run resumes from {@link ModelContext#checkpoint()}; a replay
     * run starts empty at {@link ModelContext#from()}.
     */
    ModelRun open(ModelContext context);

    /**
     * Where a recompute must begin so that a change of input data at {@code changed} is fully
     * accounted for: the start of the period (shift, hour, order, window) that holds it. The host
     * replays from there.
     */
    default Instant recomputeFrom(Instant changed) {
        return changed;
    }
}
