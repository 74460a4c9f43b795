package io.convergence.ui.connections.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.convergence.core.config.AttributeSpec;
import io.convergence.core.config.ConfigFileReader;

import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * Finds the connector types of the installed bundles: every factory PID described by MetaType in a
 * bundle that uses the connector API. A partner's connector therefore gets its editor without any
 * code in the workbench.
 */
public final class ConnectorTypes {

    /** The package every connector implements. */
    static final String CONNECTOR_API = "io.convergence.api.connector";
    static final String API_BUNDLE = "io.convergence.api";

    private ConnectorTypes() {
    }

    /** Every connector type of the resolved bundles, sorted by name. */
    public static List<ConnectorType> find(BundleContext context, MetaTypeService metaType) {
        Map<String, ConnectorType> found = new LinkedHashMap<>();
        for (Bundle b : context.getBundles()) {
            if (!usesConnectorApi(b)) {
                continue;
            }
            MetaTypeInformation info = metaType.getMetaTypeInformation(b);
            if (info == null) {
                continue;
            }
            for (String pid : info.getFactoryPids()) {
                ObjectClassDefinition ocd = info.getObjectClassDefinition(pid, null);
                if (ocd != null) {
                    found.putIfAbsent(pid, of(pid, ocd));
                }
            }
        }
        List<ConnectorType> out = new ArrayList<>(found.values());
        out.sort(Comparator.comparing(ConnectorType::name, String.CASE_INSENSITIVE_ORDER));
        return out;
    }

    /** A connector type from its MetaType description; the {@code id} field comes first and is required. */
    public static ConnectorType of(String factoryPid, ObjectClassDefinition ocd) {
        AttributeDefinition[] all = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
        AttributeDefinition[] req = ocd.getAttributeDefinitions(ObjectClassDefinition.REQUIRED);
        Set<String> required = new HashSet<>();
        for (AttributeDefinition ad : req == null ? new AttributeDefinition[0] : req) {
            required.add(ad.getID());
        }
        List<FormField> fields = new ArrayList<>();
        FormField id = null;
        for (AttributeDefinition ad : all == null ? new AttributeDefinition[0] : all) {
            FormField f = field(ad, required.contains(ad.getID()));
            if (ConfigFileReader.ID.equals(f.id())) {
                id = new FormField(f.id(), f.label(), f.description(), AttributeSpec.Type.STRING, false, true, List.of(), "");
            } else {
                fields.add(f);
            }
        }
        // The configuration files name every factory instance by its id, described or not.
        fields.add(0, id != null ? id : new FormField(ConfigFileReader.ID, "Connector id",
            "Unique id of this connection; also the name of its file config/<id>.json.", AttributeSpec.Type.STRING,
            false, true, List.of(), ""));
        String name = ocd.getName() == null || ocd.getName().isBlank() ? factoryPid : ocd.getName();
        return new ConnectorType(factoryPid, name, text(ocd.getDescription()), fields);
    }

    private static FormField field(AttributeDefinition ad, boolean requiredInOcd) {
        String[] def = ad.getDefaultValue();
        boolean hasDefault = def != null && def.length > 0;
        boolean array = ad.getCardinality() != 0;
        String defaultText = !hasDefault ? "" : array ? String.join(", ", def) : def[0];
        String[] values = ad.getOptionValues();
        String[] labels = ad.getOptionLabels();
        List<FormField.Option> options = new ArrayList<>();
        for (int i = 0; values != null && i < values.length; i++) {
            String label = labels != null && i < labels.length && labels[i] != null ? labels[i] : values[i];
            options.add(new FormField.Option(values[i], label));
        }
        String label = ad.getName() == null || ad.getName().isBlank() ? ad.getID() : ad.getName();
        // Same rule as the configuration files: a value is needed only where there is no default.
        return new FormField(ad.getID(), label, text(ad.getDescription()), type(ad.getType()), array,
            requiredInOcd && !hasDefault, options, defaultText);
    }

    private static boolean usesConnectorApi(Bundle b) {
        BundleWiring wiring = b.adapt(BundleWiring.class);
        if (wiring == null) {
            return false;
        }
        for (BundleWire w : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            if (CONNECTOR_API.equals(w.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                return true;
            }
        }
        for (BundleWire w : wiring.getRequiredWires(BundleNamespace.BUNDLE_NAMESPACE)) {
            if (API_BUNDLE.equals(w.getCapability().getAttributes().get(BundleNamespace.BUNDLE_NAMESPACE))) {
                return true;
            }
        }
        return false;
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : s.strip();
    }

    private static AttributeSpec.Type type(int t) {
        return switch (t) {
            case AttributeDefinition.INTEGER, AttributeDefinition.SHORT, AttributeDefinition.BYTE -> AttributeSpec.Type.INTEGER;
            case AttributeDefinition.LONG -> AttributeSpec.Type.LONG;
            case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> AttributeSpec.Type.DOUBLE;
            case AttributeDefinition.BOOLEAN -> AttributeSpec.Type.BOOLEAN;
            case AttributeDefinition.PASSWORD -> AttributeSpec.Type.PASSWORD;
            default -> AttributeSpec.Type.STRING;
        };
    }

    /** Looks a type up by factory PID. */
    public static @Nullable ConnectorType byPid(List<ConnectorType> types, String factoryPid) {
        return types.stream().filter(t -> t.factoryPid().equals(factoryPid)).findFirst().orElse(null);
    }
}
