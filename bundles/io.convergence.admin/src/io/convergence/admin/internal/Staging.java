package io.convergence.admin.internal;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.metadata.IArtifactKey;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.repository.IRepository;
import org.eclipse.equinox.p2.repository.artifact.IArtifactDescriptor;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepository;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.artifact.IFileArtifactRepository;
import org.eclipse.equinox.p2.repository.artifact.spi.ArtifactDescriptor;
import org.jspecify.annotations.Nullable;

import io.convergence.admin.FeatureException;

/**
 * The artifacts of a change, gathered before anything else happens: those the bundle pool holds
 * already are taken from there, the others downloaded once from the repository that has them
 * into a private artifact repository in a scratch folder. The checks judge these files, and the
 * engine is then given only the pool and this repository, so what it installs is byte for byte
 * what was checked; a server that answers differently the second time has no second time.
 */
final class Staging implements AutoCloseable {

    /**
     * One artifact of the change.
     *
     * @param key what it is
     * @param file its bytes
     * @param source the leaf repository it was downloaded from; null when it comes from the bundle pool
     * @param descriptor how its repository describes it (PGP signatures live there)
     */
    record Item(IArtifactKey key, File file, Sources.@Nullable Leaf<IArtifactRepository> source, IArtifactDescriptor descriptor) {
    }

    private final IArtifactRepositoryManager manager;
    private final Path folder;
    private @Nullable IArtifactRepository repository;
    private final List<Item> items = new ArrayList<>();

    private Staging(IArtifactRepositoryManager manager, Path folder) {
        this.manager = manager;
        this.folder = folder;
    }

    /** The repository the engine takes downloaded content from; null when nothing was downloaded. */
    @Nullable URI location() {
        return repository == null ? null : repository.getLocation();
    }

    List<Item> items() {
        return items;
    }

    static Staging gather(P2Session s, Iterable<IInstallableUnit> units, List<Sources.Leaf<IArtifactRepository>> leaves,
                          Path folder, IProgressMonitor monitor) throws FeatureException {
        IArtifactRepositoryManager arm = s.service(IArtifactRepositoryManager.class);
        Staging st = new Staging(arm, folder);
        try {
            IArtifactRepository pool = s.pool(monitor);
            Set<IArtifactKey> keys = new LinkedHashSet<>();
            Map<IArtifactKey, String> owner = new HashMap<>();
            for (IInstallableUnit iu : units) {
                for (IArtifactKey k : iu.getArtifacts()) {
                    keys.add(k);
                    owner.putIfAbsent(k, iu.getId());
                }
            }
            for (IArtifactKey k : keys) {
                File pooled = pool instanceof IFileArtifactRepository f && pool.contains(k) ? f.getArtifactFile(k) : null;
                if (pooled != null && pooled.isFile()) {
                    st.items.add(new Item(k, pooled, null, pool.getArtifactDescriptors(k)[0]));
                    continue;
                }
                if (pooled != null && pooled.isDirectory()) {
                    // Unpacked in the pool (a feature): judged as the jar it was.
                    st.items.add(new Item(k, st.packed(pooled, k), null, pool.getArtifactDescriptors(k)[0]));
                    continue;
                }
                st.download(k, owner.get(k), leaves, monitor);
            }
            return st;
        } catch (FeatureException | RuntimeException e) {
            st.close();
            throw e;
        }
    }

    private File packed(File dir, IArtifactKey k) throws FeatureException {
        try {
            Path jar = folder.resolve("unpacked").resolve(k.getClassifier() + "_" + k.getId() + "_" + k.getVersion() + ".jar");
            java.nio.file.Files.createDirectories(jar.getParent());
            ContentHash.pack(dir.toPath(), jar);
            return jar.toFile();
        } catch (IOException e) {
            throw new FeatureException(FeatureException.Kind.FAILED, "cannot read " + dir + " in the bundle pool: " + e.getMessage(), e);
        }
    }

    private void download(IArtifactKey k, String unit, List<Sources.Leaf<IArtifactRepository>> leaves, IProgressMonitor monitor)
        throws FeatureException {
        for (Sources.Leaf<IArtifactRepository> leaf : leaves) {
            IArtifactDescriptor[] ds = leaf.repository().getArtifactDescriptors(k);
            if (ds.length == 0) {
                continue;
            }
            // The canonical form: p2 repositories may also offer packed forms that need processing.
            IArtifactDescriptor src = java.util.Arrays.stream(ds).min(Comparator.comparing(
                (IArtifactDescriptor d) -> d.getProperty(IArtifactDescriptor.FORMAT) != null)).orElseThrow();
            IArtifactRepository repo = staging();
            ArtifactDescriptor d = new ArtifactDescriptor(k);
            src.getProperties().forEach((name, value) -> {
                if (!name.startsWith("download.") && !name.equals(IArtifactDescriptor.FORMAT)) {
                    d.setProperty(name, value);
                }
            });
            IStatus st;
            try (OutputStream os = repo.getOutputStream(d)) {
                st = leaf.repository().getArtifact(src, os, monitor);
            } catch (ProvisionException | IOException e) {
                throw new FeatureException(FeatureException.Kind.UNREACHABLE_REPOSITORY, "cannot download " + k.getId() + " "
                    + k.getVersion() + " from " + leaf.describe() + ": " + e.getMessage(), e);
            }
            if (st.getSeverity() >= IStatus.ERROR || st.getSeverity() == IStatus.CANCEL) {
                repo.removeDescriptor(d, null);
                throw new FeatureException(FeatureException.Kind.UNREACHABLE_REPOSITORY, "cannot download " + k.getId() + " "
                    + k.getVersion() + " from " + leaf.describe() + ": " + String.join("; ", Explain.lines(st)));
            }
            File file = repo instanceof IFileArtifactRepository f ? f.getArtifactFile(k) : null;
            if (file == null || !file.isFile()) {
                throw new FeatureException(FeatureException.Kind.FAILED, "the download of " + k.getId() + " " + k.getVersion()
                    + " left no file in " + folder);
            }
            items.add(new Item(k, file, leaf, src));
            return;
        }
        throw new FeatureException(FeatureException.Kind.CONFLICT, leaves.isEmpty()
            ? "the bundle pool no longer holds " + ContentCheck.describe(k) + " (of unit " + unit + "), and a revert takes"
                + " content only from there"
            : "no repository of the change has " + ContentCheck.describe(k) + " (of unit " + unit + ")");
    }

    private IArtifactRepository staging() throws FeatureException {
        if (repository == null) {
            try {
                repository = manager.createRepository(folder.toUri(), "checked content", IArtifactRepositoryManager.TYPE_SIMPLE_REPOSITORY,
                    Map.of(IRepository.PROP_SYSTEM, "true"));
            } catch (ProvisionException e) {
                throw new FeatureException(FeatureException.Kind.FAILED, "cannot make a scratch repository in " + folder + ": "
                    + e.getMessage(), e);
            }
        }
        return repository;
    }

    @Override
    public void close() {
        if (repository != null) {
            manager.removeRepository(repository.getLocation());
        }
    }
}
