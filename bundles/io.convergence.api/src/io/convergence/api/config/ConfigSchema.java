package io.convergence.api.config;

import java.util.List;
import java.util.Optional;

/**
 * What one configuration PID accepts, read from the MetaType description of the bundle that
 * declares it: the same description drives the configuration files, the command line and the
 * workbench's generated editors.
 *
 * @param pid the PID, or the factory PID for a component with many instances
 * @param factory whether it configures instances of a factory (each named by its {@code id})
 * @param name the human name of the configured thing, such as "OPC UA connector"
 * @param description what the MetaType description says about it; may be empty
 * @param category what the configured thing is: {@link #CONNECTOR}, {@link #MODEL} or {@link #OTHER}
 * @param bundle the symbolic name of the bundle that declares it
 * @param attributes its properties, in declaration order
 * @since 1.0
 */
public record ConfigSchema(String pid, boolean factory, String name, String description, String category,
                           String bundle, List<AttributeSpec> attributes) {

    /** The category of a connector's configuration: its bundle implements the connector API. */
    public static final String CONNECTOR = "connector";

    /** The category of an analytics model's configuration: its bundle implements the model API. */
    public static final String MODEL = "model";

    /** The category of everything else (historian, recorder, simulator, ...). */
    public static final String OTHER = "other";

    /** Copies the attributes. */
    public ConfigSchema {
        attributes = List.copyOf(attributes);
    }

    /** The attribute of this id, if declared. */
    public Optional<AttributeSpec> attribute(String id) {
        return attributes.stream().filter(a -> a.id().equals(id)).findFirst();
    }
}
