package io.convergence.api.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One configuration: a PID and typed properties, as ConfigurationAdmin holds them. Values are
 * {@code String}, {@code Integer}, {@code Long}, {@code Double}, {@code Boolean}, or arrays of
 * them.
 *
 * @param pid the PID, or the factory PID for a factory instance
 * @param name for a factory instance, its id; {@code null} for a singleton
 * @param properties the properties, typed, in order
 * @since 1.0
 */
public record ConfigEntry(String pid, @Nullable String name, Map<String, Object> properties) {

    /** Keeps the properties in their order, unmodifiable. */
    public ConfigEntry {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** A singleton configuration. */
    public static ConfigEntry singleton(String pid, Map<String, Object> properties) {
        return new ConfigEntry(pid, null, properties);
    }

    /** An instance of a factory; {@code id} also goes into the properties as {@code id}. */
    public static ConfigEntry instance(String factoryPid, String id, Map<String, Object> properties) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(ConfigurationService.ID, id);
        p.putAll(properties);
        return new ConfigEntry(factoryPid, id, p);
    }
}
