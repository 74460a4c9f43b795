package io.convergence.core.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes the small configuration documents that commands and the workbench apply. */
public final class Json {

    private Json() {
    }

    /** An object from alternating keys and values. */
    public static Map<String, Object> object(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
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
