package io.convergence.core.internal.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

import io.convergence.api.config.AttributeSpec;
import io.convergence.api.config.ConfigSchema;

import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * Schemas from the MetaType descriptions of the installed bundles, looked up afresh each time (a
 * bundle installed a moment ago counts). The product's one reader of MetaType: the files, the
 * command line and the workbench's editors all see what it reads.
 */
final class MetaTypeCatalog implements SchemaCatalog {

    private static final String CONNECTOR_API = "io.convergence.api.connector";
    private static final String MODEL_API = "io.convergence.api.model";

    private final BundleContext context;
    private final MetaTypeService metaType;

    MetaTypeCatalog(BundleContext context, MetaTypeService metaType) {
        this.context = context;
        this.metaType = metaType;
    }

    @Override
    public Optional<Schema> find(String pid) {
        for (Bundle b : context.getBundles()) {
            MetaTypeInformation info = metaType.getMetaTypeInformation(b);
            if (info == null) {
                continue;
            }
            boolean factory = Arrays.asList(info.getFactoryPids()).contains(pid);
            if (factory || Arrays.asList(info.getPids()).contains(pid)) {
                ObjectClassDefinition ocd = info.getObjectClassDefinition(pid, null);
                if (ocd != null) {
                    return Optional.of(schema(b, pid, factory, ocd));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public List<Schema> all() {
        Map<String, Schema> found = new HashMap<>();
        for (Bundle b : context.getBundles()) {
            MetaTypeInformation info = metaType.getMetaTypeInformation(b);
            if (info == null) {
                continue;
            }
            for (String pid : info.getFactoryPids()) {
                ObjectClassDefinition ocd = info.getObjectClassDefinition(pid, null);
                if (ocd != null) {
                    found.putIfAbsent(pid, schema(b, pid, true, ocd));
                }
            }
            for (String pid : info.getPids()) {
                ObjectClassDefinition ocd = info.getObjectClassDefinition(pid, null);
                if (ocd != null) {
                    found.putIfAbsent(pid, schema(b, pid, false, ocd));
                }
            }
        }
        List<Schema> out = new ArrayList<>(found.values());
        out.sort(Comparator.comparing(s -> s.published().pid()));
        return out;
    }

    @Override
    public SortedSet<String> pids() {
        SortedSet<String> all = new TreeSet<>();
        for (Bundle b : context.getBundles()) {
            MetaTypeInformation info = metaType.getMetaTypeInformation(b);
            if (info != null) {
                all.addAll(Arrays.asList(info.getPids()));
                all.addAll(Arrays.asList(info.getFactoryPids()));
            }
        }
        return all;
    }

    private static Schema schema(Bundle bundle, String pid, boolean factory, ObjectClassDefinition ocd) {
        Set<String> required = new HashSet<>();
        AttributeDefinition[] req = ocd.getAttributeDefinitions(ObjectClassDefinition.REQUIRED);
        for (AttributeDefinition ad : req == null ? new AttributeDefinition[0] : req) {
            required.add(ad.getID());
        }
        List<AttributeSpec> specs = new ArrayList<>();
        Map<String, Function<String, @Nullable String>> checks = new HashMap<>();
        AttributeDefinition[] all = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
        for (AttributeDefinition ad : all == null ? new AttributeDefinition[0] : all) {
            String[] def = ad.getDefaultValue();
            List<String> defaults = def == null ? List.of() : Arrays.stream(def).filter(d -> d != null).toList();
            String[] values = ad.getOptionValues();
            String[] labels = ad.getOptionLabels();
            List<AttributeSpec.Option> options = new ArrayList<>();
            for (int i = 0; values != null && i < values.length; i++) {
                String label = labels != null && i < labels.length && labels[i] != null ? labels[i] : values[i];
                options.add(new AttributeSpec.Option(values[i], label));
            }
            // A value is needed only where MetaType asks for one and gives no default.
            specs.add(new AttributeSpec(ad.getID(), text(ad.getName(), ad.getID()), text(ad.getDescription(), ""),
                type(ad.getType()), ad.getCardinality() != 0, defaults.isEmpty() && required.contains(ad.getID()),
                options, defaults));
            checks.put(ad.getID(), ad::validate);
        }
        ConfigSchema published = new ConfigSchema(pid, factory, text(ocd.getName(), pid), text(ocd.getDescription(), ""),
            category(bundle), bundle.getSymbolicName(), specs);
        return new Schema(published, checks);
    }

    /** Whether the bundle implements a connector or a model, seen from the API packages it is wired to. */
    private static String category(Bundle b) {
        BundleWiring wiring = b.adapt(BundleWiring.class);
        if (wiring == null) {
            return ConfigSchema.OTHER;
        }
        boolean connector = false;
        boolean model = false;
        for (BundleWire w : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            Object pkg = w.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
            connector |= CONNECTOR_API.equals(pkg);
            model |= MODEL_API.equals(pkg);
        }
        return model ? ConfigSchema.MODEL : connector ? ConfigSchema.CONNECTOR : ConfigSchema.OTHER;
    }

    private static String text(@Nullable String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s.strip();
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
}
