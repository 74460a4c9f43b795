package io.convergence.admin.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.equinox.internal.p2.repository.Transport;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.core.UIServices;
import org.eclipse.equinox.p2.engine.IEngine;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.equinox.p2.planner.IPlanner;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepository;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;

import io.convergence.admin.FeatureException;

/**
 * One p2 agent on the installation's data area, for one operation. A fresh agent sees what other
 * processes committed meanwhile; it carries our transport and the trust policy's answers.
 */
final class P2Session implements AutoCloseable {

    final Installation installation;
    final IProvisioningAgent agent;
    final JdkTransport transport = new JdkTransport();
    final Map<URI, IMetadataRepository> metadata = new LinkedHashMap<>();

    P2Session(IProvisioningAgentProvider provider, Installation installation, UIServices trust) throws FeatureException {
        this.installation = installation;
        try {
            agent = provider.createAgent(installation.p2().toUri());
        } catch (ProvisionException e) {
            throw new FeatureException(FeatureException.Kind.FAILED, "cannot open the p2 data area " + installation.p2()
                + ": " + e.getMessage(), e);
        }
        agent.registerService(Transport.SERVICE_NAME, transport);
        agent.registerService(UIServices.SERVICE_NAME, trust);
    }

    IProfile profile() throws FeatureException {
        IProfile p = service(IProfileRegistry.class).getProfile(installation.profileId());
        if (p == null) {
            throw new FeatureException(FeatureException.Kind.FAILED, "no profile '" + installation.profileId() + "' in "
                + installation.p2());
        }
        return p;
    }

    IProfileRegistry registry() {
        return service(IProfileRegistry.class);
    }

    IPlanner planner() {
        return service(IPlanner.class);
    }

    IEngine engine() {
        return service(IEngine.class);
    }

    /** Loads the metadata and artifact repositories; an unreachable one fails with its location and why. */
    List<IMetadataRepository> load(List<URI> repos, IProgressMonitor monitor) throws FeatureException {
        List<IMetadataRepository> out = new ArrayList<>();
        IMetadataRepositoryManager mrm = service(IMetadataRepositoryManager.class);
        IArtifactRepositoryManager arm = service(IArtifactRepositoryManager.class);
        for (URI u : repos) {
            IndexScan.check(transport, u);
            try {
                IMetadataRepository m = mrm.loadRepository(u, monitor);
                metadata.put(u, m);
                out.add(m);
                arm.loadRepository(u, monitor);
            } catch (OperationCanceledException e) {
                throw new FeatureException(FeatureException.Kind.FAILED, "cancelled while reading " + u);
            } catch (ProvisionException e) {
                throw new FeatureException(FeatureException.Kind.UNREACHABLE_REPOSITORY, "repository " + u
                    + " cannot be read: " + Explain.repositoryProblem(e), e);
            } catch (StackOverflowError e) {
                // p2 follows a composite's children without noticing a loop
                throw new FeatureException(FeatureException.Kind.INVALID, "repository " + u + " cannot be read: it is a"
                    + " composite repository that contains itself, directly or through its children");
            }
        }
        return out;
    }

    /** The installation's bundle pool, where installed artifacts stay; what reverts take content from. */
    URI bundlePool() {
        String cache = null;
        try {
            cache = profile().getProperty(IProfile.PROP_CACHE);
        } catch (FeatureException e) {
            // fall back to the installation folder
        }
        return cache == null ? installation.folder().toUri() : java.nio.file.Path.of(cache).toUri();
    }

    IArtifactRepository pool(IProgressMonitor monitor) throws FeatureException {
        try {
            return service(IArtifactRepositoryManager.class).loadRepository(bundlePool(), monitor);
        } catch (ProvisionException e) {
            throw new FeatureException(FeatureException.Kind.FAILED, "cannot read the bundle pool " + bundlePool() + ": "
                + e.getMessage(), e);
        }
    }

    /** What the bundle pool holds now. */
    java.util.Set<org.eclipse.equinox.p2.metadata.IArtifactKey> poolKeys() throws FeatureException {
        return pool(null).query(org.eclipse.equinox.p2.repository.artifact.ArtifactKeyQuery.ALL_KEYS, null)
            .toUnmodifiableSet();
    }

    /** Removes from the bundle pool what a failed change downloaded into it. */
    void dropDownloads(java.util.Set<org.eclipse.equinox.p2.metadata.IArtifactKey> before) {
        try {
            IArtifactRepository pool = service(IArtifactRepositoryManager.class).loadRepository(bundlePool(), null);
            java.util.Set<org.eclipse.equinox.p2.metadata.IArtifactKey> now = pool
                .query(org.eclipse.equinox.p2.repository.artifact.ArtifactKeyQuery.ALL_KEYS, null).toUnmodifiableSet();
            org.eclipse.equinox.p2.metadata.IArtifactKey[] added = now.stream().filter(k -> !before.contains(k))
                .toArray(org.eclipse.equinox.p2.metadata.IArtifactKey[]::new);
            if (added.length > 0) {
                pool.removeDescriptors(added, null);
            }
        } catch (ProvisionException e) {
            // the pool keeps unused files; they are not part of the installation
        }
    }

    <T> T service(Class<T> type) {
        T t = agent.getService(type);
        if (t == null) {
            throw new IllegalStateException("p2 service missing: " + type.getName());
        }
        return t;
    }

    @Override
    public void close() {
        agent.stop();
    }
}
