package io.convergence.ui.connections.internal;

import java.util.List;

/**
 * A kind of connector the user can create: a factory PID with a MetaType description.
 *
 * @param factoryPid the factory PID, such as {@code io.convergence.connector.opcua}
 * @param name the human name from the MetaType description, such as "OPC UA connector"
 * @param description what the MetaType description says about it; may be empty
 * @param fields the form fields, in MetaType order, the {@code id} first
 */
public record ConnectorType(String factoryPid, String name, String description, List<FormField> fields) {

    public ConnectorType {
        fields = List.copyOf(fields);
    }

    /**
     * The short type shown in the list when no connector service says its type: the last segment
     * of the factory PID ({@code opcua} for {@code io.convergence.connector.opcua}).
     */
    public String shortName() {
        return shortName(factoryPid);
    }

    static String shortName(String factoryPid) {
        int dot = factoryPid.lastIndexOf('.');
        return dot < 0 ? factoryPid : factoryPid.substring(dot + 1);
    }
}
