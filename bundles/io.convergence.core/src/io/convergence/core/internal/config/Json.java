package io.convergence.core.internal.config;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes JSON values for the configuration files the product writes. */
final class Json {

    private Json() {
    }

    public static String write(Object value) {
        if (value instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> quote(e.getKey().toString()) + ": " + write(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
        } else if (value instanceof List<?> l) {
            return l.stream().map(Json::write).collect(Collectors.joining(", ", "[", "]"));
        } else if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return quote(value.toString());
    }

    public static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
