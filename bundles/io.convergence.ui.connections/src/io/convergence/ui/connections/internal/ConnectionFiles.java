package io.convergence.ui.connections.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.convergence.api.config.ConfigException;
import io.convergence.api.config.ConfigurationService;

import org.jspecify.annotations.Nullable;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves and deletes connections as workspace configuration files, {@code <workspace>/config/<id>.json},
 * through {@link ConfigurationService}: a file is checked before it is written, written atomically,
 * and put back as it was if the runtime refuses it. The workbench applies these files at start,
 * so a connection saved here comes back after a restart. Blocking: call it off the UI thread.
 */
public final class ConnectionFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionFiles.class);

    /** Who owns a connection's configuration, which decides what saving and deleting it do. */
    public enum Ownership {
        /** Its own file in the workspace's config folder: rewritten, renamed or deleted. */
        OWN_FILE,
        /** A file or source that configures other things too: edit that file instead. */
        SHARED,
        /** Something else (the demo setup, a file elsewhere): saving takes it over into its own file. */
        OTHER,
        /** Made directly in ConfigurationAdmin: saving takes it over into its own file. */
        NO_SOURCE
    }

    private final ConfigurationService files;
    private final ConfigurationAdmin admin;
    private final ConfigFileStore store;

    public ConnectionFiles(ConfigurationService files, ConfigurationAdmin admin, ConfigFileStore store) {
        this.files = files;
        this.admin = admin;
        this.store = store;
    }

    public ConfigFileStore store() {
        return store;
    }

    /** Who owns a configuration. */
    public Ownership ownership(ConnectionConfig c) {
        String source = c.source();
        if (source == null) {
            return Ownership.NO_SOURCE;
        }
        if (fromSource(source).size() > 1) {
            return Ownership.SHARED;
        }
        return store.holds(source) ? Ownership.OWN_FILE : Ownership.OTHER;
    }

    /** Why a connection cannot be edited or deleted here; {@code null} if it can. */
    public @Nullable String whyReadOnly(ConnectionConfig c) {
        if (ownership(c) != Ownership.SHARED) {
            return null;
        }
        int others = fromSource(c.source()).size() - 1;
        return "defined in " + c.source() + " together with " + others + " other configuration" + (others == 1 ? "" : "s")
            + "; edit that file";
    }

    /**
     * Checks the form, writes {@code config/<id>.json} and applies it. On any problem the file is
     * as it was before and the problems are returned at their fields. When the id changed, or the
     * connection came from elsewhere, the old configuration (and its own file) is removed.
     *
     * @param form the form; not edited while this runs
     * @param takenIds ids of the other connections
     * @param original the configuration being edited; {@code null} for a new connection
     */
    public SaveResult save(FormModel form, Set<String> takenIds, @Nullable ConnectionConfig original) {
        FormProblems local = form.check(takenIds);
        if (!local.isEmpty()) {
            return SaveResult.refused(local);
        }
        if (original != null) {
            String why = whyReadOnly(original);
            if (why != null) {
                return SaveResult.refused(new FormProblems(java.util.Map.of(), List.of("cannot save here: " + why)));
            }
        }
        Path file = store.fileFor(form.id());
        String source = file.toString();
        boolean ours = original != null && ConfigFileStore.sameFile(original.source(), file);
        if (!ours && Files.exists(file)) {
            return SaveResult.refused(new FormProblems(java.util.Map.of(ConfigurationService.ID,
                "the file " + file + " exists already and configures something else; choose another id"), List.of()));
        }
        String json;
        try {
            json = form.toJson();
        } catch (SecretSealer.SealException e) {
            return SaveResult.refused(new FormProblems(java.util.Map.of(), List.of(e.getMessage()
                + "; nothing was saved")));
        }
        try {
            files.check(source, json);
        } catch (ConfigException e) {
            return SaveResult.refused(form.problemsOf(e.problems()));
        }
        ConfigFileStore.Change change;
        try {
            change = store.write(file, json);
        } catch (IOException e) {
            return SaveResult.refused(new FormProblems(java.util.Map.of(), List.of("cannot write " + file + ": " + e)));
        }
        try {
            files.apply(file);
        } catch (ConfigException e) {
            undo(change);
            return SaveResult.refused(form.problemsOf(e.problems()));
        }
        String note = original == null || ours ? "" : retire(original, form.id());
        return new SaveResult(true, FormProblems.NONE, file, note);
    }

    /**
     * Deletes a connection: removes its own file and everything it configured. A connection that
     * shares its file with other configurations is not deleted here.
     *
     * @throws ConfigException if the runtime could not remove it; then its file is back
     * @throws IOException if the file could not be deleted
     */
    public void delete(ConnectionConfig c) throws ConfigException, IOException {
        switch (ownership(c)) {
            case SHARED -> throw new IllegalStateException("cannot delete '" + c.id() + "' here: " + whyReadOnly(c));
            case OWN_FILE -> {
                String source = c.source();
                ConfigFileStore.Change change = store.delete(Path.of(source));
                try {
                    files.remove(source);
                } catch (ConfigException e) {
                    change.undo();
                    throw e;
                }
            }
            case OTHER -> files.remove(c.source());
            case NO_SOURCE -> deleteConfiguration(c.pid());
        }
    }

    /** Removes what the edited connection was before it moved to its own file. */
    private String retire(ConnectionConfig original, String newId) {
        String source = original.source();
        try {
            switch (ownership(original)) {
                case OWN_FILE -> {
                    files.remove(source);
                    Files.deleteIfExists(Path.of(source));
                }
                case OTHER -> files.remove(source);
                case NO_SOURCE -> {
                    if (!original.id().equals(newId)) {
                        deleteConfiguration(original.pid());
                    }
                }
                case SHARED -> {
                    // refused before anything was written
                }
            }
            return "";
        } catch (ConfigException | IOException e) {
            LOG.warn("saved {}, but could not remove its old configuration from {}: {}", newId, source, e.toString());
            return "saved; the old configuration from " + source + " could not be removed: " + e.getMessage();
        }
    }

    private void undo(ConfigFileStore.Change change) {
        try {
            change.undo();
            if (change.replacedExisting()) {
                // The runtime refused the new file and kept the old configuration; make sure it matches the file again.
                files.apply(change.file());
            }
        } catch (IOException | ConfigException e) {
            LOG.warn("could not put {} back as it was: {}", change.file(), e.toString());
        }
    }

    private void deleteConfiguration(String pid) throws IOException {
        for (Configuration c : list("(" + org.osgi.framework.Constants.SERVICE_PID + "=" + escape(pid) + ")")) {
            c.delete();
        }
    }

    private List<Configuration> fromSource(@Nullable String source) {
        if (source == null) {
            return List.of();
        }
        try {
            return list("(" + ConfigurationService.SOURCE_PROPERTY + "=" + escape(source) + ")");
        } catch (IOException e) {
            LOG.warn("listing the configurations from {}: {}", source, e.toString());
            return List.of();
        }
    }

    private List<Configuration> list(String filter) throws IOException {
        try {
            Configuration[] found = admin.listConfigurations(filter);
            return found == null ? List.of() : List.of(found);
        } catch (InvalidSyntaxException e) {
            throw new IOException(e);
        }
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("*", "\\*").replace("(", "\\(").replace(")", "\\)");
    }
}
