package io.convergence.ui.connections.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import io.convergence.api.config.AttributeSpec;
import io.convergence.api.config.ConfigProblem;
import io.convergence.api.config.ConfigurationService;

import org.jspecify.annotations.Nullable;

/**
 * The values of a connection form, as text by field, and how they become a configuration file.
 * Not thread-safe: the editor owns it on the UI thread and hands {@link #toJson()} to background work.
 *
 * <p>Checking is left to the configuration files (and so to MetaType), so that the form and a
 * hand-written file get the same messages; the form itself only checks what names the file:
 * the id.
 */
public final class FormModel {

    /** What an id may contain: it names the file {@code config/<id>.json}. */
    static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final ConnectorType type;
    private final Map<String, FormField> fields = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private final @Nullable String originalId;
    private FormProblems problems = FormProblems.NONE;

    private FormModel(ConnectorType type, @Nullable String originalId) {
        this.type = type;
        this.originalId = originalId;
        for (FormField f : type.fields()) {
            fields.put(f.id(), f);
            values.put(f.id(), display(f, f.defaultValue()));
        }
    }

    /** A form for a new connection, filled with the defaults. */
    public static FormModel create(ConnectorType type) {
        return new FormModel(type, null);
    }

    /** A form for an existing connection, filled with its configuration's properties. */
    public static FormModel edit(ConnectorType type, Map<String, ?> properties) {
        Object id = properties.get(ConfigurationService.ID);
        FormModel m = new FormModel(type, id == null ? null : id.toString());
        for (FormField f : type.fields()) {
            Object v = properties.get(f.id());
            if (v != null) {
                m.values.put(f.id(), display(f, text(v)));
            }
        }
        return m;
    }

    public ConnectorType type() {
        return type;
    }

    public List<FormField> fields() {
        return type.fields();
    }

    public FormField field(String id) {
        FormField f = fields.get(id);
        if (f == null) {
            throw new IllegalArgumentException("no field '" + id + "' in the form of " + type.factoryPid()
                + "; fields: " + fields.keySet());
        }
        return f;
    }

    /** The value of a field as shown: text, an option value, or {@code true}/{@code false}. */
    public String value(String id) {
        field(id);
        return values.getOrDefault(id, "");
    }

    /** The value of a field, or empty if this type has no such field. */
    public String valueOrEmpty(String id) {
        return fields.containsKey(id) ? values.getOrDefault(id, "") : "";
    }

    /** Whether this type has a field. */
    public boolean has(String id) {
        return fields.containsKey(id);
    }

    public void set(String id, String text) {
        field(id);
        values.put(id, text);
    }

    /** The id typed in, without surrounding blanks. */
    public String id() {
        return value(ConfigurationService.ID).strip();
    }

    /** The id of the connection being edited; {@code null} for a new one. */
    public @Nullable String originalId() {
        return originalId;
    }

    public boolean isNew() {
        return originalId == null;
    }

    public FormProblems problems() {
        return problems;
    }

    public void setProblems(FormProblems p) {
        problems = p;
    }

    /**
     * The properties to write, in form order: the id, every required field, and every other field
     * whose value is not empty and differs from its default. An empty field takes its default.
     * Text that does not read as the field's type is written as text, so that the configuration
     * files report it at that field.
     */
    public Map<String, Object> properties() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (FormField f : type.fields()) {
            String raw = values.getOrDefault(f.id(), "");
            String text = f.type() == AttributeSpec.Type.PASSWORD ? raw : raw.strip();
            if (text.isEmpty()) {
                continue;
            }
            Object json = json(f, text);
            boolean always = f.required() || ConfigurationService.ID.equals(f.id());
            if (always || f.defaultValue().isEmpty() || !Objects.equals(json, json(f, f.defaultValue().strip()))) {
                out.put(f.id(), json);
            }
        }
        return out;
    }

    /** The configuration file: {@code {"<factoryPid>": [ { "id": ..., ... } ]}}. */
    public String toJson() {
        return toJson(properties());
    }

    /**
     * A configuration file of this type holding one instance with these properties; passwords are
     * written encrypted ({@link SecretSealer}), never as plain text.
     *
     * @throws SecretSealer.SealException if a password cannot be encrypted
     */
    public String toJson(Map<String, Object> properties) {
        Map<String, Object> out = new LinkedHashMap<>(properties);
        SecretSealer sealer = null;
        for (FormField f : type.fields()) {
            if (f.type() == AttributeSpec.Type.PASSWORD && !f.array() && out.get(f.id()) instanceof String s
                && !s.isEmpty()) {
                sealer = sealer == null ? SecretSealer.standard() : sealer;
                out.put(f.id(), sealer.seal(s));
            }
        }
        return ConfigJson.instanceFile(type.factoryPid(), out);
    }

    /**
     * What the form itself finds wrong before the configuration files are asked: an id that cannot
     * name a file, or that another connection already has.
     *
     * @param takenIds the ids of the other connections
     */
    public FormProblems check(Set<String> takenIds) {
        Map<String, String> byField = new LinkedHashMap<>();
        String idProblem = idProblem(id());
        if (idProblem == null && takenIds.contains(id()) && !id().equals(originalId)) {
            idProblem = "a connection with the id '" + id() + "' exists already; choose another id";
        }
        if (idProblem != null) {
            byField.put(ConfigurationService.ID, idProblem);
        }
        return new FormProblems(byField, List.of());
    }

    /** What is wrong with a field's value while it is typed; {@code null} if nothing is seen yet. */
    public @Nullable String liveProblem(String id) {
        FormField f = field(id);
        String text = value(id).strip();
        if (ConfigurationService.ID.equals(id)) {
            return text.isEmpty() ? null : idProblem(text);
        }
        if (text.isEmpty() || f.widget() != FormField.Widget.NUMBER) {
            return null;
        }
        Object json = json(f, text);
        if (json instanceof String) {
            return switch (f.type()) {
                case INTEGER -> "expected a whole number (32-bit)";
                case LONG -> "expected a whole number";
                default -> "expected a number";
            };
        }
        return null;
    }

    /**
     * Puts the problems the configuration files reported for this form's file at their fields.
     * Fields are named like {@code io.convergence.connector.opcua[0].securityMode}.
     */
    public FormProblems problemsOf(List<ConfigProblem> reported) {
        Map<String, String> byField = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        String prefix = type.factoryPid() + "[0].";
        for (ConfigProblem p : reported) {
            String name = null;
            if (p.field().startsWith(prefix)) {
                String rest = p.field().substring(prefix.length());
                int end = rest.length();
                for (int i = 0; i < rest.length(); i++) {
                    if (rest.charAt(i) == '.' || rest.charAt(i) == '[') {
                        end = i;
                        break;
                    }
                }
                name = rest.substring(0, end);
            }
            if (name != null && fields.containsKey(name)) {
                byField.merge(name, p.message(), (a, b) -> a + "; " + b);
            } else {
                general.add(p.field().isEmpty() ? p.message() : p.field() + ": " + p.message());
            }
        }
        return new FormProblems(byField, general);
    }

    static @Nullable String idProblem(String id) {
        if (id.isEmpty()) {
            return "required: every connection needs an id";
        }
        if (!ID_PATTERN.matcher(id).matches()) {
            return "use letters, digits, '.', '_' and '-' only, starting with a letter or digit: "
                + "the id names the file config/" + id + ".json";
        }
        return null;
    }

    private static Object json(FormField f, String text) {
        if (f.array()) {
            List<Object> list = new ArrayList<>();
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    list.add(scalar(f.type(), part.strip()));
                }
            }
            return list;
        }
        return scalar(f.type(), text);
    }

    private static Object scalar(AttributeSpec.Type type, String text) {
        switch (type) {
            case INTEGER, LONG -> {
                try {
                    return Long.parseLong(text);
                } catch (NumberFormatException e) {
                    return text;
                }
            }
            case DOUBLE -> {
                try {
                    double d = Double.parseDouble(text);
                    return Double.isFinite(d) ? (Object) d : text;
                } catch (NumberFormatException e) {
                    return text;
                }
            }
            case BOOLEAN -> {
                return "true".equalsIgnoreCase(text) ? Boolean.TRUE : "false".equalsIgnoreCase(text) ? Boolean.FALSE : text;
            }
            default -> {
                return text;
            }
        }
    }

    /** A value as the form shows it: whole doubles without ".0". */
    private static String display(FormField f, String text) {
        if (f.type() != AttributeSpec.Type.DOUBLE || f.array()) {
            return text;
        }
        try {
            double d = Double.parseDouble(text.strip());
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return text;
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /** A configuration property as text; lists and arrays comma-separated. */
    static String text(Object v) {
        if (v.getClass().isArray()) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < Array.getLength(v); i++) {
                parts.add(String.valueOf(Array.get(v, i)));
            }
            return String.join(", ", parts);
        }
        if (v instanceof Collection<?> c) {
            return String.join(", ", c.stream().map(String::valueOf).toList());
        }
        return v.toString();
    }
}
