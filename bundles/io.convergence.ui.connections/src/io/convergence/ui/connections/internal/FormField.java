package io.convergence.ui.connections.internal;

import java.util.List;

import io.convergence.api.config.AttributeSpec;

/**
 * One field of a connection form, from one MetaType attribute.
 *
 * @param id the property name written to the configuration file
 * @param label the attribute's human name
 * @param description help text; may be empty
 * @param type the value type, as the configuration files know it
 * @param array whether the attribute takes a list (entered comma-separated)
 * @param required whether a value must be given
 * @param options the allowed values with their labels; empty if any value of the type is allowed
 * @param defaultValue the default as text; empty if there is none
 */
public record FormField(String id, String label, String description, AttributeSpec.Type type, boolean array,
                        boolean required, List<Option> options, String defaultValue) {

    /** One allowed value and how it is shown. */
    public record Option(String value, String label) {
    }

    /** How a field is edited. */
    public enum Widget {
        /** a text field */
        TEXT,
        /** a masked text field */
        PASSWORD,
        /** a text field checked as a number while typing */
        NUMBER,
        /** a checkbox */
        CHECKBOX,
        /** a drop-down of the allowed values */
        CHOICE
    }

    public FormField {
        options = List.copyOf(options);
    }

    public Widget widget() {
        if (!options.isEmpty() && !array) {
            return Widget.CHOICE;
        }
        if (array) {
            return type == AttributeSpec.Type.PASSWORD ? Widget.PASSWORD : Widget.TEXT;
        }
        return switch (type) {
            case BOOLEAN -> Widget.CHECKBOX;
            case PASSWORD -> Widget.PASSWORD;
            case INTEGER, LONG, DOUBLE -> Widget.NUMBER;
            case STRING -> Widget.TEXT;
        };
    }

    /** The label of an option value, or the value itself if it is not one of the options. */
    public String optionLabel(String value) {
        return options.stream().filter(o -> o.value().equals(value)).map(Option::label).findFirst().orElse(value);
    }
}
