package io.convergence.core.config;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * What a configuration accepts for one property, as its MetaType description says.
 *
 * @param id the property name
 * @param type the value type
 * @param array whether it takes a list of values
 * @param required whether a value must be given (it has no default)
 * @param options the allowed values; empty if any value of the type is allowed
 * @param check further checks (ranges, ...): returns an empty string if a value is fine, else why not
 */
public record AttributeSpec(String id, Type type, boolean array, boolean required, List<String> options,
                            Function<String, @Nullable String> check) {

    /** Value types, as MetaType knows them. */
    public enum Type {
        /** text */
        STRING,
        /** text shown masked */
        PASSWORD,
        /** 32-bit whole number */
        INTEGER,
        /** 64-bit whole number */
        LONG,
        /** floating-point number */
        DOUBLE,
        /** true or false */
        BOOLEAN
    }
}
