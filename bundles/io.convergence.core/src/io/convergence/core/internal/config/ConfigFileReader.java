package io.convergence.core.internal.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.convergence.api.config.AttributeSpec;
import io.convergence.api.config.ConfigEntry;
import io.convergence.api.config.ConfigException;
import io.convergence.api.config.ConfigProblem;
import io.convergence.api.config.ConfigSchema;
import io.convergence.api.config.ConfigurationService;

/**
 * Reads a configuration file and checks every value against the schema of its PID. Collects every
 * problem rather than stopping at the first, so a user fixes a file in one go.
 */
final class ConfigFileReader {

    private static final String ID = ConfigurationService.ID;

    private final SchemaCatalog catalog;
    private final SecretKeyFile key;

    /**
     * @param catalog where schemas come from
     * @param key what decrypts encrypted secrets
     */
    ConfigFileReader(SchemaCatalog catalog, SecretKeyFile key) {
        this.catalog = catalog;
        this.key = key;
    }

    /**
     * Reads and checks a whole file.
     *
     * @param file the file name to use in messages
     * @param text the file's content
     * @return the configurations, in file order
     * @throws ConfigException listing every problem; then nothing is returned
     */
    List<ConfigEntry> read(String file, String text) throws ConfigException {
        return read(file, text, new ArrayList<>());
    }

    /**
     * Reads and checks a whole file, and lists what is accepted but should change: secrets in plain
     * text.
     *
     * @param warnings receives the places of secrets written in plain text
     */
    List<ConfigEntry> read(String file, String text, List<ConfigProblem> warnings) throws ConfigException {
        ValueConverter.Secrets secrets = new ValueConverter.Secrets() {
            @Override
            public String decrypt(String token) throws SecretKeyFile.SecretException {
                return key.decrypt(token);
            }

            @Override
            public void plain(ConfigProblem where) {
                warnings.add(where);
            }
        };
        Located root = JsonReader.read(file, text);
        Map<String, Located> top = root.object();
        List<ConfigProblem> problems = new ArrayList<>();
        if (top == null) {
            throw new ConfigException(List.of(new ConfigProblem(file, root.line(), root.column(), "",
                "expected a JSON object whose keys are configuration PIDs, found " + root.kind())));
        }
        List<ConfigEntry> entries = new ArrayList<>();
        for (Map.Entry<String, Located> e : top.entrySet()) {
            String pid = e.getKey();
            Located v = e.getValue();
            Optional<Schema> schema = catalog.find(pid);
            if (schema.isEmpty()) {
                problems.add(new ConfigProblem(file, v.line(), v.column(), pid,
                    "no installed bundle accepts this configuration; known: " + String.join(", ", catalog.pids())));
                continue;
            }
            Schema s = schema.get();
            ConfigSchema published = s.published();
            if (published.factory()) {
                List<Located> list = v.array();
                if (list == null) {
                    problems.add(new ConfigProblem(file, v.line(), v.column(), pid,
                        "expected an array of instances (each an object with an \"id\"), found " + v.kind()));
                    continue;
                }
                Set<String> ids = new HashSet<>();
                for (int i = 0; i < list.size(); i++) {
                    String field = pid + "[" + i + "]";
                    Map<String, Object> props = properties(file, field, list.get(i), s, problems, secrets);
                    Object id = props.get(ID);
                    if (props.isEmpty() && list.get(i).object() == null) {
                        continue;
                    }
                    if (!(id instanceof String idText) || idText.isBlank()) {
                        problems.add(new ConfigProblem(file, list.get(i).line(), list.get(i).column(), field + "." + ID,
                            "every instance needs an \"id\" (text, unique in the file)"));
                    } else if (!ids.add(idText)) {
                        problems.add(new ConfigProblem(file, list.get(i).line(), list.get(i).column(), field + "." + ID,
                            "the id \"" + idText + "\" is used twice"));
                    } else {
                        entries.add(new ConfigEntry(pid, idText, props));
                    }
                }
            } else {
                if (v.object() == null) {
                    problems.add(new ConfigProblem(file, v.line(), v.column(), pid,
                        "expected an object of properties, found " + v.kind()));
                    continue;
                }
                entries.add(new ConfigEntry(pid, null, properties(file, pid, v, s, problems, secrets)));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return entries;
    }

    private Map<String, Object> properties(String file, String field, Located v, Schema schema,
                                           List<ConfigProblem> problems, ValueConverter.Secrets secrets) {
        ConfigSchema s = schema.published();
        Map<String, Located> obj = v.object();
        Map<String, Object> out = new LinkedHashMap<>();
        if (obj == null) {
            problems.add(new ConfigProblem(file, v.line(), v.column(), field, "expected an object, found " + v.kind()));
            return out;
        }
        Map<String, AttributeSpec> specs = new LinkedHashMap<>();
        for (AttributeSpec a : s.attributes()) {
            specs.put(a.id(), a);
        }
        for (Map.Entry<String, Located> p : obj.entrySet()) {
            String name = p.getKey();
            Located value = p.getValue();
            AttributeSpec spec = specs.get(name);
            if (spec == null) {
                if (ID.equals(name) && s.factory() && value.value() instanceof String id) {
                    out.put(ID, id);
                    continue;
                }
                problems.add(new ConfigProblem(file, value.line(), value.column(), field + "." + name,
                    "unknown property for " + s.name() + "; known: " + String.join(", ", specs.keySet())));
                continue;
            }
            Object converted = ValueConverter.convert(file, field + "." + name, value, spec, schema.check(name),
                problems, secrets);
            if (converted != null) {
                out.put(name, converted);
            }
        }
        for (AttributeSpec a : s.attributes()) {
            if (a.required() && !obj.containsKey(a.id())) {
                problems.add(new ConfigProblem(file, v.line(), v.column(), field + "." + a.id(),
                    "missing; " + s.name() + " needs " + a.expected()));
            }
        }
        return out;
    }
}
