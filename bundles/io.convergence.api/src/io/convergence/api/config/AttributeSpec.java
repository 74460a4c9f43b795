package io.convergence.api.config;

import java.util.List;

/**
 * What a configuration accepts for one property, as its MetaType description says.
 *
 * @param id the property name
 * @param name the human name; the id if the description gives none
 * @param description help text; may be empty
 * @param type the value type
 * @param array whether it takes a list of values
 * @param required whether a value must be given: the description marks it required and gives no default
 * @param options the allowed values with their labels; empty if any value of the type is allowed
 * @param defaults the default values as text; empty if there is no default
 * @since 1.0
 */
public record AttributeSpec(String id, String name, String description, Type type, boolean array, boolean required,
                            List<Option> options, List<String> defaults) {

    /** Copies the lists. */
    public AttributeSpec {
        options = List.copyOf(options);
        defaults = List.copyOf(defaults);
    }

    /** The allowed values, without their labels. */
    public List<String> optionValues() {
        return options.stream().map(Option::value).toList();
    }

    /** The default as one text: the values joined by {@code ", "}; empty if there is none. */
    public String defaultText() {
        return String.join(", ", defaults);
    }

    /** What a value of this attribute must be, in words: "a whole number (32-bit)", "one of a, b". */
    public String expected() {
        return switch (type) {
            case STRING, PASSWORD -> options.isEmpty() ? "text" : "one of " + String.join(", ", optionValues());
            case BOOLEAN -> "true or false";
            case INTEGER -> "a whole number (32-bit)";
            case LONG -> "a whole number";
            case DOUBLE -> "a number";
        };
    }

    /**
     * One allowed value and how it is shown.
     *
     * @param value the value written to the configuration
     * @param label the value as shown to a user
     */
    public record Option(String value, String label) {
    }

    /** Value types, as MetaType knows them. */
    public enum Type {
        /** text */
        STRING,
        /** a secret: shown masked, never written to a configuration file as plain text */
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
