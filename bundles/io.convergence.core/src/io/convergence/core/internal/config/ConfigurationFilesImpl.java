package io.convergence.core.internal.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;

import io.convergence.core.config.ConfigEntry;
import io.convergence.core.config.ConfigException;
import io.convergence.core.config.ConfigFileReader;
import io.convergence.core.config.ConfigProblem;
import io.convergence.core.config.ConfigurationFiles;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.MetaTypeService;

/** Applies checked configuration files to ConfigurationAdmin. */
@Component(service = ConfigurationFiles.class)
public final class ConfigurationFilesImpl implements ConfigurationFiles {

    private final ConfigurationAdmin admin;
    private final ConfigFileReader reader;

    @Activate
    public ConfigurationFilesImpl(BundleContext context, @Reference ConfigurationAdmin admin,
                                  @Reference MetaTypeService metaType) {
        this.admin = admin;
        this.reader = new ConfigFileReader(new MetaTypeCatalog(context, metaType));
    }

    @Override
    public List<ConfigEntry> apply(Path file) throws ConfigException {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw single(name, "no such file");
        } catch (MalformedInputException e) {
            throw single(name, "not UTF-8 text");
        } catch (IOException e) {
            throw single(name, "cannot read: " + e.getMessage());
        }
        return apply(file.toAbsolutePath().toString(), text);
    }

    @Override
    public List<ConfigEntry> apply(String name, String json) throws ConfigException {
        List<ConfigEntry> entries = reader.read(name, json);
        Set<String> kept = new HashSet<>();
        try {
            for (ConfigEntry e : entries) {
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
            throw single(name, "ConfigurationAdmin could not store the configuration: " + e.getMessage());
        }
        return entries;
    }

    @Override
    public List<ConfigEntry> check(String name, String json) throws ConfigException {
        return reader.read(name, json);
    }

    @Override
    public void remove(String name) throws ConfigException {
        try {
            for (Configuration c : fromSource(name)) {
                c.delete();
            }
        } catch (IOException e) {
            throw single(name, "ConfigurationAdmin could not delete a configuration: " + e.getMessage());
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

    private static ConfigException single(String file, String message) {
        return new ConfigException(List.of(new ConfigProblem(file, 0, 0, "", message)));
    }
}
