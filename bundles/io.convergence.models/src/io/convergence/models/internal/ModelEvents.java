package io.convergence.models.internal;

import java.util.Map;

import io.convergence.api.event.Event;
import io.convergence.api.event.Event.Severity;
import io.convergence.api.event.EventBus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The events the host publishes about models; their source is the model's id. */
final class ModelEvents {

    /** A live run started: fresh, or resumed from its checkpoint and caught up from history. */
    static final String STARTED = "model.started";
    /** The model's code threw; the host retries later. */
    static final String FAILED = "model.failed";
    /** A range was recomputed and its stored outputs replaced. */
    static final String RECOMPUTED = "model.recomputed";
    /** A recompute could not be done; the live run goes on as before. */
    static final String RECOMPUTE_FAILED = "model.recompute-failed";
    /** A checkpoint could not be used; the model started from scratch. */
    static final String CHECKPOINT_UNREADABLE = "model.checkpoint-unreadable";
    /** A checkpoint could not be written; the previous one stays. */
    static final String CHECKPOINT_FAILED = "model.checkpoint-failed";
    /** Two models have the same id; the second waits. */
    static final String DUPLICATE_ID = "model.duplicate-id";
    /** The historian did not store what the bus carried in time; history read now may miss samples. */
    static final String HISTORY_BEHIND = "model.history-behind";
    /** Outputs of a run fed from history lay outside the range it could store. */
    static final String OUTPUTS_DROPPED = "model.outputs-dropped";

    private static final Logger LOG = LoggerFactory.getLogger(ModelEvents.class);

    private final EventBus bus;

    ModelEvents(EventBus bus) {
        this.bus = bus;
    }

    /** An event a model published itself: passed on as it is. */
    void forward(Event event) {
        try {
            bus.publish(event);
        } catch (RuntimeException e) {
            LOG.warn("event '{}' of '{}' could not be published: {}", event.type(), event.source(), e.toString());
        }
    }

    void publish(String modelId, String type, Severity severity, String message, Map<String, String> attributes) {
        if (severity == Severity.ERROR) {
            LOG.error("{}: {}", modelId, message);
        } else if (severity == Severity.WARNING) {
            LOG.warn("{}: {}", modelId, message);
        } else {
            LOG.info("{}: {}", modelId, message);
        }
        try {
            bus.publish(Event.now(modelId, type, severity, message, attributes));
        } catch (RuntimeException e) {
            LOG.warn("event '{}' of model '{}' could not be published: {}", type, modelId, e.toString());
        }
    }
}
