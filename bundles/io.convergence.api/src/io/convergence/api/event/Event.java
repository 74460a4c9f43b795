package io.convergence.api.event;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened.
 *
 * @param time when it happened
 * @param source who reports it: a connector id, a model id, a point path
 * @param kind what sort of event it is
 * @param severity how much it matters
 * @param message a human sentence
 * @param attributes further facts, such as {@code state=RECONNECTING} or {@code reason=jam}
 */
public record Event(Instant time, String source, Kind kind, Severity severity, String message,
                    Map<String, String> attributes) {

    /** Copies the attributes. */
    public Event {
        attributes = Map.copyOf(attributes);
    }

    /** Sorts of event. */
    public enum Kind {
        /** A connector's connection changed state. */
        CONNECTION,
        /** A process alarm raised or cleared by a source or a model. */
        ALARM,
        /** Something of the runtime itself (configuration applied, storage trouble, ...). */
        SYSTEM
    }

    /** How much an event matters. */
    public enum Severity {
        /** For the record. */
        INFO,
        /** Worth a look. */
        WARNING,
        /** Needs action. */
        ERROR
    }
}
