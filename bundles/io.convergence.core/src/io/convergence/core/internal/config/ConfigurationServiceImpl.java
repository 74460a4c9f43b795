package io.convergence.core.internal.config;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.convergence.api.config.AttributeSpec;
import io.convergence.api.config.ConfigEntry;
import io.convergence.api.config.ConfigException;
import io.convergence.api.config.ConfigProblem;
import io.convergence.api.config.ConfigSchema;
import io.convergence.api.config.ConfigurationService;

import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.MetaTypeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks configuration files against MetaType and applies them to ConfigurationAdmin. */
@Component(service = ConfigurationService.class)
public final class ConfigurationServiceImpl implements ConfigurationService {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationServiceImpl.class);

    private final ConfigurationAdmin admin;
    private final SchemaCatalog catalog;
    private final ConfigFileReader reader;
    private final StartFailures failures;
    private final DeletionsInFlight deletions;

    @Activate
    public ConfigurationServiceImpl(BundleContext context, @Reference ConfigurationAdmin admin,
                                    @Reference MetaTypeService metaType, @Reference ServiceComponentRuntime scr) {
        this.admin = admin;
        this.failures = new StartFailures(scr);
        this.deletions = new DeletionsInFlight(scr, java.time.Duration.ofSeconds(10));
        this.catalog = new MetaTypeCatalog(context, metaType);
        this.reader = new ConfigFileReader(catalog, SecretKeyFile.standard());
    }

    @Override
    public List<ConfigSchema> schemas() {
        return catalog.all().stream().map(Schema::published).toList();
    }

    @Override
    public Optional<ConfigSchema> schema(String pid) {
        return catalog.find(pid).map(Schema::published);
    }

    @Override
    public List<ConfigEntry> check(String name, String json) throws ConfigException {
        return reader.read(name, json);
    }

    @Override
    public List<ConfigEntry> apply(Path file) throws ConfigException {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw ConfigException.of(name, "no such file");
        } catch (MalformedInputException e) {
            throw ConfigException.of(name, "not UTF-8 text");
        } catch (IOException e) {
            throw ConfigException.of(name, "cannot read: " + e.getMessage());
        }
        List<ConfigProblem> plain = new ArrayList<>();
        List<ConfigEntry> applied = apply(file.toAbsolutePath().toString(), text, plain);
        for (ConfigProblem p : plain) {
            // Accepted, as hand-written files must keep working; the file is left as it is.
            LOG.warn("{}:{}:{}: {}: {}", p.file(), p.line(), p.column(), p.field(), p.message());
        }
        return applied;
    }

    @Override
    public List<ConfigEntry> apply(String name, String json) throws ConfigException {
        return apply(name, json, new ArrayList<>());
    }

    private List<ConfigEntry> apply(String name, String json, List<ConfigProblem> plainSecrets) throws ConfigException {
        List<ConfigEntry> entries = reader.read(name, json, plainSecrets);
        Set<String> kept = new HashSet<>();
        try {
            for (ConfigEntry e : entries) {
                String pid = e.name() == null ? e.pid() : e.pid() + "~" + e.name();
                deletions.awaitHandled(pid, stored(pid));
                Configuration c = e.name() == null
                    ? admin.getConfiguration(e.pid(), "?")
                    : admin.getFactoryConfiguration(e.pid(), e.name(), "?");
                Dictionary<String, Object> props = new Hashtable<>(e.properties());
                props.put(SOURCE_PROPERTY, name);
                c.updateIfDifferent(props);
                kept.add(c.getPid());
            }
            for (Configuration c : fromSource(name)) {
                if (!kept.contains(c.getPid())) {
                    c.delete();
                }
            }
        } catch (IOException e) {
            throw ConfigException.of(name, "ConfigurationAdmin could not store the configuration: " + e.getMessage());
        }
        return entries;
    }

    @Override
    public List<ConfigEntry> apply(String name, List<ConfigEntry> entries) throws ConfigException {
        // Through the text a file would hold, so that built configurations meet the same checks.
        return apply(name, JsonWriter.write(entries, a -> true, this::schemaOrNull));
    }

    @Override
    public void remove(String name) throws ConfigException {
        try {
            for (Configuration c : fromSource(name)) {
                c.delete();
            }
        } catch (IOException e) {
            throw ConfigException.of(name, "ConfigurationAdmin could not delete a configuration: " + e.getMessage());
        }
    }

    @Override
    public Optional<String> startFailure(String name) {
        return failures.of(name);
    }

    @Override
    public List<ConfigEntry> current(String pid) {
        List<ConfigEntry> out = new ArrayList<>();
        for (ConfigSchema s : pid.isEmpty() ? schemas() : schema(pid).map(List::of).orElse(List.of())) {
            String filter = "(" + (s.factory() ? ConfigurationAdmin.SERVICE_FACTORYPID : Constants.SERVICE_PID) + "="
                + escape(s.pid()) + ")";
            try {
                Configuration[] found = admin.listConfigurations(filter);
                for (Configuration c : found == null ? new Configuration[0] : found) {
                    out.add(entry(s, c));
                }
            } catch (IOException | InvalidSyntaxException e) {
                // a configuration store that cannot be listed holds nothing this can show
            }
        }
        return out;
    }

    @Override
    public String toJson(List<ConfigEntry> entries) {
        return JsonWriter.write(entries, a -> a.type() != AttributeSpec.Type.PASSWORD, this::schemaOrNull);
    }

    private @Nullable ConfigSchema schemaOrNull(String pid) {
        return schema(pid).orElse(null);
    }

    /** A stored configuration as an entry: the properties its schema declares (and a factory's id). */
    private static ConfigEntry entry(ConfigSchema s, Configuration c) {
        Dictionary<String, Object> props = c.getProperties();
        Map<String, Object> p = new LinkedHashMap<>();
        Set<String> declared = new HashSet<>();
        s.attributes().forEach(a -> declared.add(a.id()));
        @Nullable String name = null;
        if (props != null) {
            for (Enumeration<String> keys = props.keys(); keys.hasMoreElements();) {
                String k = keys.nextElement();
                if (declared.contains(k) || (s.factory() && ID.equals(k))) {
                    p.put(k, props.get(k));
                }
            }
            if (s.factory() && props.get(ID) instanceof String id) {
                name = id;
            }
        }
        if (s.factory() && name == null) {
            String pid = c.getPid();
            int tilde = pid.indexOf('~');
            name = tilde >= 0 ? pid.substring(tilde + 1) : pid;
        }
        return new ConfigEntry(s.pid(), name, p);
    }

    /** Whether ConfigurationAdmin holds a configuration of this PID now. */
    private boolean stored(String pid) throws IOException {
        try {
            return admin.listConfigurations("(" + Constants.SERVICE_PID + "=" + escape(pid) + ")") != null;
        } catch (InvalidSyntaxException e) {
            throw new IOException(e);
        }
    }

    private List<Configuration> fromSource(String name) throws IOException {
        try {
            Configuration[] found = admin.listConfigurations("(" + SOURCE_PROPERTY + "=" + escape(name) + ")");
            return found == null ? List.of() : new ArrayList<>(List.of(found));
        } catch (InvalidSyntaxException e) {
            throw new IOException(e);
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("*", "\\*").replace("(", "\\(").replace(")", "\\)");
    }
}
