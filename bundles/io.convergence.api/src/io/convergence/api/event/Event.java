package io.convergence.api.event;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened.
 *
 * <p>Since 1.1 an event has an open-ended {@link #type()}: a short dotted name chosen by whoever
 * publishes it, such as {@code connection}, {@code recorder.rejected} or {@code oee.late-order}.
 * The three types of 1.0 keep their names ({@link #CONNECTION}, {@link #ALARM}, {@link #SYSTEM}) and
 * their {@link Kind}; every other type has the kind {@link Kind#OTHER}. New kinds of event therefore
 * need no change of this API.
 *
 * @param time when it happened
 * @param source who reports it: a connector id, a model id, a point path
 * @param type what sort of event it is: {@link #CONNECTION}, {@link #ALARM}, {@link #SYSTEM} or a
 *     type of the publisher's own, lower case, words joined by {@code -} and {@code .}
 * @param severity how much it matters
 * @param message a human sentence
 * @param attributes further facts, such as {@code state=RECONNECTING} or {@code reason=jam}
 */
public record Event(Instant time, String source, String type, Severity severity, String message,
                    Map<String, String> attributes) {

    /** The type of a connector's state change. @since 1.1 */
    public static final String CONNECTION = "connection";

    /** The type of a process alarm raised or cleared by a source or a model. @since 1.1 */
    public static final String ALARM = "alarm";

    /** The type of something of the runtime itself. @since 1.1 */
    public static final String SYSTEM = "system";

    /**
     * Copies the attributes.
     *
     * @throws IllegalArgumentException if the type is blank or holds characters other than lower-case
     *     letters, digits, {@code -} and {@code .}
     */
    public Event {
        if (type.isEmpty() || !type.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || c == '-' || c == '.')) {
            throw new IllegalArgumentException("event type '" + type
                + "': expected lower-case letters, digits, '-' and '.', such as oee.late-order");
        }
        attributes = Map.copyOf(attributes);
    }

    /** An event of one of the kinds of 1.0; its type is the kind's {@link Kind#type()}. */
    public Event(Instant time, String source, Kind kind, Severity severity, String message,
                 Map<String, String> attributes) {
        this(time, source, kind.type(), severity, message, attributes);
    }

    /**
     * An event that happens now.
     *
     * @since 1.1
     */
    public static Event now(String source, String type, Severity severity, String message,
                            Map<String, String> attributes) {
        return new Event(Instant.now(), source, type, severity, message, attributes);
    }

    /** The kind of 1.0 this event's type belongs to; {@link Kind#OTHER} for the types added since. */
    public Kind kind() {
        return Kind.ofType(type);
    }

    /** Sorts of event, as 1.0 knew them. Since 1.1 {@link Event#type()} says more. */
    public enum Kind {
        /** A connector's connection changed state. */
        CONNECTION,
        /** A process alarm raised or cleared by a source or a model. */
        ALARM,
        /** Something of the runtime itself (configuration applied, storage trouble, ...). */
        SYSTEM,
        /**
         * Any other type of event.
         *
         * @since 1.1
         */
        OTHER;

        /**
         * The event type of this kind.
         *
         * @throws IllegalStateException for {@link #OTHER}, which stands for many types
         * @since 1.1
         */
        public String type() {
            return switch (this) {
                case CONNECTION -> Event.CONNECTION;
                case ALARM -> Event.ALARM;
                case SYSTEM -> Event.SYSTEM;
                case OTHER -> throw new IllegalStateException("the kind OTHER stands for many event types; give the type");
            };
        }

        /** The kind of an event type. @since 1.1 */
        public static Kind ofType(String type) {
            return switch (type) {
                case Event.CONNECTION -> CONNECTION;
                case Event.ALARM -> ALARM;
                case Event.SYSTEM -> SYSTEM;
                default -> OTHER;
            };
        }
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
