package io.convergence.ui.connections.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.convergence.api.config.AttributeSpec;
import io.convergence.api.config.ConfigSchema;
import io.convergence.api.config.ConfigurationService;

import org.jspecify.annotations.Nullable;

/**
 * The connector types of the installed bundles: every factory configuration that the configuration
 * service files under {@link ConfigSchema#CONNECTOR}. A partner's connector therefore gets its
 * editor without any code in the workbench.
 */
public final class ConnectorTypes {

    private ConnectorTypes() {
    }

    /** Every connector type of the installed bundles, sorted by name. */
    public static List<ConnectorType> find(ConfigurationService config) {
        List<ConnectorType> out = new ArrayList<>();
        for (ConfigSchema s : config.schemas()) {
            if (s.factory() && ConfigSchema.CONNECTOR.equals(s.category())) {
                out.add(of(s));
            }
        }
        out.sort(Comparator.comparing(ConnectorType::name, String.CASE_INSENSITIVE_ORDER));
        return out;
    }

    /** A connector type from its schema; the {@code id} field comes first and is required. */
    public static ConnectorType of(ConfigSchema schema) {
        List<FormField> fields = new ArrayList<>();
        FormField id = null;
        for (AttributeSpec a : schema.attributes()) {
            FormField f = field(a);
            if (ConfigurationService.ID.equals(f.id())) {
                id = new FormField(f.id(), f.label(), f.description(), AttributeSpec.Type.STRING, false, true, List.of(), "");
            } else {
                fields.add(f);
            }
        }
        // The configuration files name every factory instance by its id, described or not.
        fields.add(0, id != null ? id : new FormField(ConfigurationService.ID, "Connector id",
            "Unique id of this connection; also the name of its file config/<id>.json.", AttributeSpec.Type.STRING,
            false, true, List.of(), ""));
        return new ConnectorType(schema.pid(), schema.name(), schema.description(), fields);
    }

    private static FormField field(AttributeSpec a) {
        List<FormField.Option> options = a.options().stream().map(o -> new FormField.Option(o.value(), o.label())).toList();
        return new FormField(a.id(), a.name(), a.description(), a.type(), a.array(), a.required(), options,
            a.defaultText());
    }

    /** Looks a type up by factory PID. */
    public static @Nullable ConnectorType byPid(List<ConnectorType> types, String factoryPid) {
        return types.stream().filter(t -> t.factoryPid().equals(factoryPid)).findFirst().orElse(null);
    }
}
