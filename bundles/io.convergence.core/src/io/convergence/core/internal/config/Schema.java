package io.convergence.core.internal.config;

import java.util.Map;
import java.util.function.Function;

import io.convergence.api.config.ConfigSchema;

import org.jspecify.annotations.Nullable;

/**
 * A published schema and the checks its MetaType description makes on single values (ranges and
 * the like), which the published record cannot carry.
 *
 * @param published the schema as the API publishes it
 * @param checks per attribute id: returns null or an empty text when a value is fine, else why not
 */
record Schema(ConfigSchema published, Map<String, Function<String, @Nullable String>> checks) {

    /** The check of one attribute; none when MetaType makes none. */
    Function<String, @Nullable String> check(String attribute) {
        return checks.getOrDefault(attribute, v -> null);
    }
}
