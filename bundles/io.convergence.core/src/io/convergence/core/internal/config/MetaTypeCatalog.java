package io.convergence.core.internal.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import io.convergence.core.config.AttributeSpec;
import io.convergence.core.config.ConfigSchema;
import io.convergence.core.config.SchemaCatalog;

import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/** Schemas from the MetaType descriptions of the installed bundles, looked up afresh each time. */
final class MetaTypeCatalog implements SchemaCatalog {

    private final BundleContext context;
    private final MetaTypeService metaType;

    MetaTypeCatalog(BundleContext context, MetaTypeService metaType) {
        this.context = context;
        this.metaType = metaType;
    }

    @Override
    public Optional<ConfigSchema> find(String pid) {
        for (Bundle b : context.getBundles()) {
            MetaTypeInformation info = metaType.getMetaTypeInformation(b);
            if (info == null) {
                continue;
            }
            boolean factory = Arrays.asList(info.getFactoryPids()).contains(pid);
            if (factory || Arrays.asList(info.getPids()).contains(pid)) {
                ObjectClassDefinition ocd = info.getObjectClassDefinition(pid, null);
                return Optional.of(schema(pid, factory, ocd));
            }
        }
        return Optional.empty();
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

    private static ConfigSchema schema(String pid, boolean factory, ObjectClassDefinition ocd) {
        List<AttributeSpec> specs = new ArrayList<>();
        AttributeDefinition[] all = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
        for (AttributeDefinition ad : all == null ? new AttributeDefinition[0] : all) {
            String[] def = ad.getDefaultValue();
            boolean hasDefault = def != null && def.length > 0;
            String[] options = ad.getOptionValues();
            specs.add(new AttributeSpec(ad.getID(), type(ad.getType()), ad.getCardinality() != 0,
                !hasDefault && isRequired(ocd, ad.getID()), options == null ? List.of() : List.of(options),
                v -> check(ad, v)));
        }
        return new ConfigSchema(pid, factory, ocd.getName() == null ? pid : ocd.getName(), specs);
    }

    private static @Nullable String check(AttributeDefinition ad, String value) {
        return ad.validate(value);
    }

    private static boolean isRequired(ObjectClassDefinition ocd, String id) {
        AttributeDefinition[] req = ocd.getAttributeDefinitions(ObjectClassDefinition.REQUIRED);
        return req != null && Arrays.stream(req).anyMatch(a -> a.getID().equals(id));
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
