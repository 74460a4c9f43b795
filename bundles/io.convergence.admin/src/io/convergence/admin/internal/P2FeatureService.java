package io.convergence.admin.internal;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.query.IQueryable;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepository;
import org.eclipse.equinox.p2.repository.artifact.IFileArtifactRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.convergence.admin.AuditEntry;
import io.convergence.admin.AuditVerification;
import io.convergence.admin.AvailableFeature;
import io.convergence.admin.Change;
import io.convergence.admin.ChangePlan;
import io.convergence.admin.FeatureException;
import io.convergence.admin.FeatureService;
import io.convergence.admin.InstalledFeature;
import io.convergence.admin.ProfileState;
import io.convergence.admin.Progress;
import io.convergence.admin.RepositoryLocation;
import io.convergence.admin.TrustPolicy;

/**
 * Feature management on p2, inside the product: plans with p2's planner, commits with its engine
 * (which verifies signatures and asks {@link PolicyTrust}), checks bundles before they go live,
 * and writes the audit log. One operation at a time per installation, across processes.
 */
@Component(service = FeatureService.class)
public final class P2FeatureService implements FeatureService {

    private final BundleContext bc;
    private final IProvisioningAgentProvider agents;
    private final @Nullable Installation fixed;

    @Activate
    public P2FeatureService(BundleContext bc, @Reference IProvisioningAgentProvider agents) {
        this(bc, agents, null);
    }

    /** Manages the given installation instead of the one this process runs from (tests, tools). */
    P2FeatureService(BundleContext bc, IProvisioningAgentProvider agents, @Nullable Installation installation) {
        this.bc = bc;
        this.agents = agents;
        this.fixed = installation;
    }

    private Installation installation() throws FeatureException {
        Installation i = fixed;
        return i != null ? i : Installation.of(bc);
    }

    private AdminStore store() throws FeatureException {
        return new AdminStore(installation().admin());
    }

    /** A session that commits nothing: its trust answers refuse everything. */
    private P2Session open() throws FeatureException {
        return new P2Session(agents, installation(), new PolicyTrust());
    }

    @Override
    public List<InstalledFeature> installed() throws FeatureException {
        TrustPolicy policy = store().trust();
        try (P2Session s = open()) {
            IProfile profile = s.profile();
            Set<String> shipped = ChangePlanner.shipped(s);
            IArtifactRepository pool = s.pool(null);
            List<InstalledFeature> out = new ArrayList<>();
            for (IInstallableUnit iu : profile.query(QueryUtil.createIUGroupQuery(), null).toUnmodifiableSet()) {
                if (!Units.isFeature(iu)) {
                    continue;
                }
                boolean root = "true".equals(profile.getInstallableUnitProperty(iu, Units.ROOT));
                List<IInstallableUnit> bundles = bundlesOf(iu, profile);
                Signatures.Verdict v = shipped.contains(iu.getId() + " " + iu.getVersion())
                    ? Signatures.Verdict.product()
                    : Signatures.verdict(policy, files(pool, bundles));
                out.add(new InstalledFeature(Units.featureId(iu), Units.name(iu), iu.getVersion().toString(),
                    Units.provider(iu), root, v.state(), v.signer(),
                    bundles.stream().map(b -> b.getId() + " " + b.getVersion()).sorted().toList()));
            }
            out.sort(Comparator.comparing((InstalledFeature f) -> !f.root()).thenComparing(InstalledFeature::id));
            return out;
        }
    }

    private static List<IInstallableUnit> bundlesOf(IInstallableUnit feature, IQueryable<IInstallableUnit> where) {
        List<IInstallableUnit> out = new ArrayList<>();
        for (IInstallableUnit iu : where.query(QueryUtil.createIUAnyQuery(), null).toUnmodifiableSet()) {
            if (Units.isBundle(iu) && feature.getRequirements().stream().anyMatch(r -> r.isMatch(iu))) {
                out.add(iu);
            }
        }
        return out;
    }

    private static List<File> files(IArtifactRepository pool, List<IInstallableUnit> bundles) {
        List<File> out = new ArrayList<>();
        if (pool instanceof IFileArtifactRepository f) {
            for (IInstallableUnit b : bundles) {
                File file = f.getArtifactFile(Units.bundleArtifact(b));
                if (file != null && file.exists()) {
                    out.add(file);
                }
            }
        }
        return out;
    }

    @Override
    public List<AvailableFeature> available(List<URI> repositories, Progress progress) throws FeatureException {
        List<URI> repos = repositories.isEmpty() ? repositories() : repositories;
        if (repos.isEmpty()) {
            throw new FeatureException(FeatureException.Kind.INVALID, "no repository given and none configured");
        }
        try (P2Session s = open()) {
            s.transport.listener(progress::detail);
            s.load(repos, new Monitor(progress));
            Map<String, String> installed = new HashMap<>();
            s.profile().query(QueryUtil.createIUGroupQuery(), null)
                .forEach(iu -> installed.put(iu.getId(), iu.getVersion().toString()));
            List<AvailableFeature> out = new ArrayList<>();
            for (Map.Entry<URI, IMetadataRepository> e : s.metadata.entrySet()) {
                var latest = QueryUtil.createLatestQuery(QueryUtil.createIUGroupQuery());
                for (IInstallableUnit iu : e.getValue().query(latest, null).toUnmodifiableSet()) {
                    if (Units.isFeature(iu)) {
                        out.add(new AvailableFeature(Units.featureId(iu), Units.name(iu), iu.getVersion().toString(),
                            Units.provider(iu), e.getKey(), installed.getOrDefault(iu.getId(), "")));
                    }
                }
            }
            out.sort(Comparator.comparing(AvailableFeature::id));
            return out;
        }
    }

    @Override
    public ChangePlan preview(Change change, Progress progress) throws FeatureException {
        Change c = withConfigured(change);
        try (P2Session s = open()) {
            s.transport.listener(progress::detail);
            return ChangePlanner.plan(bc, s, c, progress).describe();
        } catch (FeatureException e) {
            throw ChangeRunner.oneLine(e);
        }
    }

    @Override
    public ChangePlan apply(Change change, Progress progress) throws FeatureException {
        return ChangeRunner.apply(bc, agents, installation(), withConfigured(change), progress);
    }

    /** Updates also look in the configured repositories. */
    private Change withConfigured(Change c) throws FeatureException {
        if (c instanceof Change.Update u) {
            List<URI> all = new ArrayList<>(u.repositories());
            for (URI r : repositories()) {
                if (all.stream().noneMatch(x -> RepositoryLocation.key(x).equals(RepositoryLocation.key(r)))) {
                    all.add(r);
                }
            }
            if (all.isEmpty()) {
                throw new FeatureException(FeatureException.Kind.INVALID,
                    "no repository to update from: give --repo URL or configure one");
            }
            return new Change.Update(u.featureIds(), all);
        }
        if (c instanceof Change.Install i && i.repositories().isEmpty()) {
            List<URI> configured = repositories();
            if (configured.isEmpty()) {
                throw new FeatureException(FeatureException.Kind.INVALID, "'" + i.describe()
                    + "' needs a repository: give --repo URL or configure one");
            }
            return new Change.Install(i.featureId(), i.version(), configured);
        }
        return c;
    }

    @Override
    public List<ProfileState> history() throws FeatureException {
        try (P2Session s = open()) {
            String id = s.installation.profileId();
            long current = s.profile().getTimestamp(); // first: p2 records a moved installation as a new state
            long[] ts = s.registry().listProfileTimestamps(id);
            Arrays.sort(ts);
            List<ProfileState> out = new ArrayList<>();
            for (int i = 0; i < ts.length; i++) {
                IProfile p = s.registry().getProfile(id, ts[i]);
                List<String> roots = new ArrayList<>();
                if (p != null) {
                    for (IInstallableUnit iu : p.query(QueryUtil.createIUGroupQuery(), null).toUnmodifiableSet()) {
                        if (Units.isFeature(iu) && "true".equals(p.getInstallableUnitProperty(iu, Units.ROOT))) {
                            roots.add(Units.shown(iu));
                        }
                    }
                }
                roots.sort(null);
                out.add(new ProfileState(i + 1, Instant.ofEpochMilli(ts[i]), roots, ts[i] == current));
            }
            return out;
        }
    }

    @Override
    public TrustPolicy trustPolicy() throws FeatureException {
        return store().trust();
    }

    @Override
    public void setTrustPolicy(TrustPolicy policy) throws FeatureException {
        TrustEdits.change(store(), "trust policy", "", p -> policy);
    }

    @Override
    public TrustPolicy changeTrust(UnaryOperator<TrustPolicy> edit) throws FeatureException {
        return TrustEdits.change(store(), "trust policy", "", edit);
    }

    @Override
    public TrustPolicy trust(Path file) throws FeatureException {
        return TrustEdits.trust(store(), file);
    }

    @Override
    public List<URI> repositories() throws FeatureException {
        return store().repositories();
    }

    @Override
    public void setRepositories(List<URI> repositories) throws FeatureException {
        AdminStore store = store();
        store.repositories(repositories);
        ChangeRunner.audit(store, "repositories", String.join(" ", repositories.stream().map(URI::toString).toList()), "ok", "");
    }

    @Override
    public List<AuditEntry> audit() throws FeatureException {
        return store().audit();
    }

    @Override
    public AuditVerification verifyAudit() throws FeatureException {
        return store().verifyAudit();
    }
}
