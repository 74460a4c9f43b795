package io.convergence.core.internal.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.convergence.api.config.AttributeSpec;
import io.convergence.api.config.ConfigProblem;

import org.jspecify.annotations.Nullable;

/**
 * Turns a JSON value into the Java type a MetaType attribute wants, or says why it cannot. A secret
 * (PASSWORD) is text or {@code {"encrypted": "..."}} (see {@link SecretKeyFile}); its value never
 * appears in a problem.
 */
final class ValueConverter {

    /** The key of an encrypted secret's object. */
    static final String ENCRYPTED = "encrypted";

    /** How secrets are read. */
    interface Secrets {
        /** The plain text of an encrypted value. */
        String decrypt(String token) throws SecretKeyFile.SecretException;

        /** A secret was written in plain text at this place. */
        void plain(ConfigProblem where);
    }

    private ValueConverter() {
    }

    static @Nullable Object convert(String file, String field, Located v, AttributeSpec spec,
                                    Function<String, @Nullable String> check, List<ConfigProblem> problems,
                                    Secrets secrets) {
        if (spec.array()) {
            List<Located> list = v.array();
            if (list == null) {
                problems.add(problem(file, field, v, "expected a list of " + spec.expected() + ", found " + v.kind()));
                return null;
            }
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Object o = scalar(file, field + "[" + i + "]", list.get(i), spec, check, problems, secrets);
                if (o != null) {
                    out.add(o);
                }
            }
            return toArray(spec.type(), out);
        }
        return scalar(file, field, v, spec, check, problems, secrets);
    }

    private static @Nullable Object scalar(String file, String field, Located v, AttributeSpec spec,
                                           Function<String, @Nullable String> check, List<ConfigProblem> problems,
                                           Secrets secrets) {
        if (spec.type() == AttributeSpec.Type.PASSWORD) {
            return secret(file, field, v, secrets, problems);
        }
        Object raw = v.value();
        Object out = switch (spec.type()) {
            case STRING, PASSWORD -> raw instanceof String s ? s : null;
            case BOOLEAN -> raw instanceof Boolean b ? b : null;
            case INTEGER -> whole(raw, Integer.MIN_VALUE, Integer.MAX_VALUE) instanceof Long l ? Integer.valueOf(l.intValue()) : null;
            case LONG -> whole(raw, Long.MIN_VALUE, Long.MAX_VALUE);
            case DOUBLE -> raw instanceof Number n ? Double.valueOf(n.doubleValue()) : null;
        };
        if (out == null) {
            problems.add(problem(file, field, v, "expected " + spec.expected() + ", found " + v.kind()));
            return null;
        }
        String text = out.toString();
        if (!spec.options().isEmpty() && !spec.optionValues().contains(text)) {
            problems.add(problem(file, field, v, "expected one of " + String.join(", ", spec.optionValues()) + ", found "
                + v.kind()));
            return null;
        }
        String why = check.apply(text);
        if (why != null && !why.isEmpty()) {
            problems.add(problem(file, field, v, why + " (found " + v.kind() + ")"));
            return null;
        }
        return out;
    }

    private static @Nullable String secret(String file, String field, Located v, Secrets secrets,
                                           List<ConfigProblem> problems) {
        Object raw = v.value();
        if (raw instanceof String s) {
            if (!s.isEmpty()) {
                secrets.plain(problem(file, field, v, "a password in plain text; save the connection in the Connections "
                    + "editor to store it encrypted ({\"" + ENCRYPTED + "\": \"...\"})"));
            }
            return s;
        }
        Map<String, Located> obj = v.object();
        Located token = obj == null ? null : obj.get(ENCRYPTED);
        if (obj == null || obj.size() != 1 || token == null || !(token.value() instanceof String t)) {
            problems.add(problem(file, field, v, "expected a password: text, or {\"" + ENCRYPTED
                + "\": \"...\"} as the Connections editor writes it; found " + (v.value() instanceof Map
                ? "an object with other keys" : v.value() instanceof List ? "an array" : "something else")));
            return null;
        }
        try {
            return secrets.decrypt(t);
        } catch (SecretKeyFile.SecretException e) {
            problems.add(problem(file, field, token, "cannot decrypt the password: " + e.getMessage()));
            return null;
        }
    }

    private static @Nullable Long whole(@Nullable Object raw, long min, long max) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
            long l = ((Number) raw).longValue();
            return l >= min && l <= max ? l : null;
        }
        if (raw instanceof BigInteger || raw instanceof BigDecimal) {
            return null;
        }
        if (raw instanceof Double d && d == Math.rint(d) && d >= min && d <= max) {
            return d.longValue();
        }
        return null;
    }

    private static Object toArray(AttributeSpec.Type type, List<Object> values) {
        return switch (type) {
            case STRING, PASSWORD -> values.toArray(String[]::new);
            case BOOLEAN -> values.toArray(Boolean[]::new);
            case INTEGER -> values.toArray(Integer[]::new);
            case LONG -> values.toArray(Long[]::new);
            case DOUBLE -> values.toArray(Double[]::new);
        };
    }

    private static ConfigProblem problem(String file, String field, Located v, String message) {
        return new ConfigProblem(file, v.line(), v.column(), field, message);
    }
}
