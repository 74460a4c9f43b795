package io.convergence.core.config;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One configuration read from a file, checked and converted to the types ConfigurationAdmin wants.
 *
 * @param pid the PID, or the factory PID for a factory instance
 * @param name for a factory instance, its id; {@code null} for a singleton
 * @param properties the properties, typed
 */
public record ConfigEntry(String pid, @Nullable String name, Map<String, Object> properties) {
}
