package io.convergence.core.internal.config;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A JSON value with the place it was read from: {@code value} is a {@code Map<String, Located>},
 * a {@code List<Located>}, a String, a Number, a Boolean, or {@code null}.
 */
record Located(@Nullable Object value, int line, int column) {

    @SuppressWarnings("unchecked")
    @Nullable Map<String, Located> object() {
        return value instanceof Map<?, ?> m ? (Map<String, Located>) m : null;
    }

    @SuppressWarnings("unchecked")
    @Nullable List<Located> array() {
        return value instanceof List<?> l ? (List<Located>) l : null;
    }

    String kind() {
        if (value == null) {
            return "null";
        } else if (value instanceof Map) {
            return "an object";
        } else if (value instanceof List) {
            return "an array";
        } else if (value instanceof String s) {
            return "the text \"" + s + "\"";
        } else if (value instanceof Boolean b) {
            return b.toString();
        }
        return "the number " + value;
    }
}
