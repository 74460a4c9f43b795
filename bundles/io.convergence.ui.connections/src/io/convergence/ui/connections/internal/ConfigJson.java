package io.convergence.ui.connections.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** Writes the configuration file of one connection, laid out as a person would write it. */
final class ConfigJson {

    private ConfigJson() {
    }

    /** {@code {"<factoryPid>": [ { properties } ]}}, two spaces an indent, one property a line. */
    static String instanceFile(String factoryPid, Map<String, Object> properties) {
        StringBuilder b = new StringBuilder("{\n  ").append(quote(factoryPid)).append(": [\n    {");
        String sep = "\n";
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            b.append(sep).append("      ").append(quote(e.getKey())).append(": ").append(value(e.getValue()));
            sep = ",\n";
        }
        return b.append("\n    }\n  ]\n}\n").toString();
    }

    private static String value(Object v) {
        if (v instanceof Map<?, ?> object) {
            List<String> parts = new ArrayList<>();
            object.forEach((k, o) -> parts.add(quote(k.toString()) + ": " + value(o)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (v instanceof Iterable<?> list) {
            List<String> parts = new ArrayList<>();
            list.forEach(o -> parts.add(value(o)));
            return "[" + String.join(", ", parts) + "]";
        }
        if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            return v.toString();
        }
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return Double.toString(n.doubleValue());
        }
        return quote(v.toString());
    }

    private static String quote(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }
}
