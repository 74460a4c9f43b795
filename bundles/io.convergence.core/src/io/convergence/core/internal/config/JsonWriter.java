package io.convergence.core.internal.config;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import io.convergence.api.config.AttributeSpec;
import io.convergence.api.config.ConfigEntry;
import io.convergence.api.config.ConfigSchema;

import org.jspecify.annotations.Nullable;

/** Writes configurations as a configuration file: one key per PID, a factory's instances in an array. */
final class JsonWriter {

    private JsonWriter() {
    }

    /**
     * @param keep which declared attributes to write (secrets are left out of exports)
     * @param schemas the schema of a PID, or null when none is known (then every property is written)
     */
    static String write(List<ConfigEntry> entries, Predicate<AttributeSpec> keep,
                        Function<String, @Nullable ConfigSchema> schemas) {
        Map<String, List<ConfigEntry>> byPid = new LinkedHashMap<>();
        for (ConfigEntry e : entries) {
            byPid.computeIfAbsent(e.pid(), k -> new ArrayList<>()).add(e);
        }
        StringBuilder b = new StringBuilder("{");
        String sep = "\n";
        for (Map.Entry<String, List<ConfigEntry>> pid : byPid.entrySet()) {
            ConfigSchema schema = schemas.apply(pid.getKey());
            b.append(sep).append("  ").append(Json.quote(pid.getKey())).append(": ");
            boolean factory = schema != null ? schema.factory() : pid.getValue().get(0).name() != null;
            if (factory) {
                b.append('[');
                String isep = "\n";
                for (ConfigEntry e : pid.getValue()) {
                    b.append(isep).append("    ");
                    object(b, e, keep, schema, "    ");
                    isep = ",\n";
                }
                b.append("\n  ]");
            } else {
                object(b, pid.getValue().get(pid.getValue().size() - 1), keep, schema, "  ");
            }
            sep = ",\n";
        }
        return b.append(byPid.isEmpty() ? "}\n" : "\n}\n").toString();
    }

    private static void object(StringBuilder b, ConfigEntry e, Predicate<AttributeSpec> keep,
                               @Nullable ConfigSchema schema, String indent) {
        Map<String, Object> props = new LinkedHashMap<>();
        if (e.name() != null) {
            props.put("id", e.name());
        }
        e.properties().forEach((k, v) -> {
            AttributeSpec spec = schema == null ? null : schema.attribute(k).orElse(null);
            if (spec == null || keep.test(spec)) {
                props.put(k, v);
            }
        });
        b.append('{');
        String sep = "\n";
        for (Map.Entry<String, Object> p : props.entrySet()) {
            b.append(sep).append(indent).append("  ").append(Json.quote(p.getKey())).append(": ").append(value(p.getValue()));
            sep = ",\n";
        }
        b.append(props.isEmpty() ? "}" : "\n" + indent + "}");
    }

    private static String value(Object v) {
        if (v.getClass().isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < Array.getLength(v); i++) {
                list.add(Array.get(v, i));
            }
            return Json.write(list);
        }
        return Json.write(v instanceof Iterable<?> it ? toList(it) : v);
    }

    private static List<Object> toList(Iterable<?> it) {
        List<Object> l = new ArrayList<>();
        it.forEach(l::add);
        return l;
    }
}
