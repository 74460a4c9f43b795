package io.convergence.core.config;

import java.util.List;

/**
 * What one configuration PID accepts.
 *
 * @param pid the PID or factory PID
 * @param factory whether it configures instances of a factory
 * @param name the human name of the configured thing
 * @param attributes its properties
 */
public record ConfigSchema(String pid, boolean factory, String name, List<AttributeSpec> attributes) {
}
