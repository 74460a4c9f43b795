package io.convergence.ui.connections.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is wrong with a form: messages by field id, and those that belong to no field.
 *
 * @param byField one message per field (several problems of a field are joined)
 * @param general messages for the whole connection
 */
public record FormProblems(Map<String, String> byField, List<String> general) {

    public static final FormProblems NONE = new FormProblems(Map.of(), List.of());

    public FormProblems {
        byField = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byField));
        general = List.copyOf(general);
    }

    public boolean isEmpty() {
        return byField.isEmpty() && general.isEmpty();
    }

    public int count() {
        return byField.size() + general.size();
    }

    /** One line per problem, for logs and messages. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        byField.forEach((k, v) -> b.append(k).append(": ").append(v).append('\n'));
        general.forEach(g -> b.append(g).append('\n'));
        return b.toString().strip();
    }
}
