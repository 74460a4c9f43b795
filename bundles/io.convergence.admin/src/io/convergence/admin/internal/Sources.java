package io.convergence.admin.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.repository.ICompositeRepository;
import org.eclipse.equinox.p2.repository.IRepository;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepository;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;

import io.convergence.admin.FeatureException;
import io.convergence.admin.RepositoryLocation;
import io.convergence.admin.TrustPolicy;

/**
 * The repositories content really comes from. A composite repository is only a list of other
 * repositories, which whoever edits it can extend; trust is decided per leaf repository, and a rule
 * covers the repository it names, never the children of a composite it names.
 */
final class Sources {

    private static final int MAX_DEPTH = 8;

    /**
     * A repository that holds content itself.
     *
     * @param location where it is
     * @param root the location the admin gave, which led to it
     * @param repository the loaded repository
     */
    record Leaf<R>(URI location, URI root, R repository) {

        /** How to name it in a message: the leaf, and the composite that led to it when they differ. */
        String describe() {
            return RepositoryLocation.key(location).equals(RepositoryLocation.key(root)) ? location.toString()
                : location + " (a child of " + root + ")";
        }
    }

    @FunctionalInterface
    private interface Loader<R> {
        R load(URI u) throws ProvisionException;
    }

    private Sources() {
    }

    static List<Leaf<IMetadataRepository>> metadata(IMetadataRepositoryManager m, List<URI> roots, IProgressMonitor monitor)
        throws FeatureException {
        return leaves(u -> m.loadRepository(u, monitor), roots);
    }

    static List<Leaf<IArtifactRepository>> artifacts(IArtifactRepositoryManager m, List<URI> roots, IProgressMonitor monitor)
        throws FeatureException {
        return leaves(u -> m.loadRepository(u, monitor), roots);
    }

    private static <R extends IRepository<?>> List<Leaf<R>> leaves(Loader<R> loader, List<URI> roots) throws FeatureException {
        List<Leaf<R>> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (URI root : roots) {
            collect(loader, root, root, 0, seen, out);
        }
        return out;
    }

    private static <R extends IRepository<?>> void collect(Loader<R> loader, URI u, URI root, int depth, Set<String> seen,
                                                            List<Leaf<R>> out) throws FeatureException {
        if (!seen.add(RepositoryLocation.key(u))) {
            return;
        }
        if (depth > MAX_DEPTH) {
            throw new FeatureException(FeatureException.Kind.INVALID, "repository " + root + " nests composite repositories"
                + " more than " + MAX_DEPTH + " deep (at " + u + ")");
        }
        R repo;
        try {
            repo = loader.load(u);
        } catch (ProvisionException e) {
            throw new FeatureException(FeatureException.Kind.UNREACHABLE_REPOSITORY, "repository " + u
                + (depth > 0 ? " (a child of " + root + ")" : "") + " cannot be read: " + Explain.repositoryProblem(e), e);
        }
        if (repo instanceof ICompositeRepository<?> c) {
            for (URI child : c.getChildren()) {
                collect(loader, RepositoryLocation.normalize(child), root, depth + 1, seen, out);
            }
        } else {
            out.add(new Leaf<>(u, root, repo));
        }
    }

    /** Whether the policy accepts unsigned content (or instructions) from this leaf: by a rule naming it, or everywhere. */
    static boolean allowsUnsigned(TrustPolicy policy, URI leaf) {
        if (policy.allowUnsigned()) {
            return true;
        }
        String k = RepositoryLocation.key(leaf);
        return policy.unsignedRepositories().stream().anyMatch(u -> RepositoryLocation.key(u).equals(k));
    }
}
