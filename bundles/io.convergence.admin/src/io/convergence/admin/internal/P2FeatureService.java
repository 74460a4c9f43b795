package io.convergence.admin.internal;

import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProvisioningPlan;
import org.eclipse.equinox.p2.engine.PhaseSetFactory;
import org.eclipse.equinox.p2.engine.ProvisioningContext;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.planner.IProfileChangeRequest;
import org.eclipse.equinox.p2.query.IQueryable;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepository;
import org.eclipse.equinox.p2.repository.artifact.IFileArtifactRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.convergence.admin.AuditEntry;
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

    @Activate
    public P2FeatureService(BundleContext bc, @Reference IProvisioningAgentProvider agents) {
        this.bc = bc;
        this.agents = agents;
    }

    private Installation installation() throws FeatureException {
        return Installation.of(bc);
    }

    private AdminStore store() throws FeatureException {
        return new AdminStore(installation().admin());
    }

    private P2Session open(List<URI> repos) throws FeatureException {
        return new P2Session(agents, installation(), new PolicyTrust(store().trust(), repos));
    }

    private P2Session open(Change c) throws FeatureException {
        return c instanceof Change.Revert ? new P2Session(agents, installation(), PolicyTrust.admitted())
            : open(c.repositories());
    }

    @Override
    public List<InstalledFeature> installed() throws FeatureException {
        TrustPolicy policy = store().trust();
        try (P2Session s = open(List.of())) {
            IProfile profile = s.profile();
            Set<String> shipped = shipped(s);
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
                    : Signatures.verdict(bc, policy, files(pool, bundles));
                out.add(new InstalledFeature(Units.featureId(iu), Units.name(iu), iu.getVersion().toString(),
                    Units.provider(iu), root, v.state(), v.signer(),
                    bundles.stream().map(b -> b.getId() + " " + b.getVersion()).sorted().toList()));
            }
            out.sort(Comparator.comparing((InstalledFeature f) -> !f.root()).thenComparing(InstalledFeature::id));
            return out;
        }
    }

    /** Features as the product was first installed: what shipped with it. */
    private static Set<String> shipped(P2Session s) {
        long[] ts = s.registry().listProfileTimestamps(s.installation.profileId());
        Set<String> out = new HashSet<>();
        java.util.Arrays.sort(ts);
        for (long t : ts) {
            IProfile state = s.registry().getProfile(s.installation.profileId(), t);
            if (state != null) {
                state.query(QueryUtil.createIUGroupQuery(), null).forEach(iu -> out.add(iu.getId() + " " + iu.getVersion()));
            }
            if (!out.isEmpty()) {
                break; // the first state with features: the product as its build installed it
            }
        }
        return out;
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
        try (P2Session s = open(repos)) {
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
        try (P2Session s = open(c)) {
            s.transport.listener(progress::detail);
            return plan(s, c, progress).describe();
        }
    }

    @Override
    public ChangePlan apply(Change change, Progress progress) throws FeatureException {
        Change c = withConfigured(change);
        Installation inst = installation();
        AdminStore store = new AdminStore(inst.admin());
        String source = String.join(" ", c.repositories().stream().map(URI::toString).toList());
        try (Installation.Lock lock = inst.lock(true); P2Session s = open(c)) {
            s.transport.listener(progress::detail);
            Planned p = plan(s, c, progress);
            ChangePlan described = p.describe();
            if (!described.ok()) {
                throw new FeatureException(p.unknown ? FeatureException.Kind.UNKNOWN_FEATURE : FeatureException.Kind.CONFLICT,
                    c.describe() + " cannot be carried out: " + String.join("; ", described.problems()));
            }
            if (described.empty()) {
                audit(store, c.describe(), source, "ok", "nothing to change");
                return described;
            }
            List<String> broken;
            java.nio.file.Path scratch = null;
            try {
                scratch = Files.createTempDirectory("convergence-check");
                broken = BundleCheck.problems(bc, fetchNewBundles(s, p, scratch, progress));
            } catch (java.io.IOException | RuntimeException | LinkageError e) {
                broken = List.of("the bundles could not be checked: " + e);
            } finally {
                deleteTree(scratch);
            }
            if (!broken.isEmpty()) {
                throw new FeatureException(FeatureException.Kind.BROKEN_BUNDLE, c.describe()
                    + " failed, nothing changed: " + String.join("; ", broken));
            }
            var poolBefore = s.poolKeys();
            progress.step("installing", 0);
            IStatus st = s.engine().perform(p.plan, PhaseSetFactory.createDefaultPhaseSet(), new Monitor(progress));
            PolicyTrust trust = (PolicyTrust) s.agent.getService(org.eclipse.equinox.p2.core.UIServices.class);
            if (!trust.refusals().isEmpty() && !st.isOK()) {
                s.dropDownloads(poolBefore);
                throw new FeatureException(FeatureException.Kind.UNTRUSTED, c.describe() + " refused, nothing changed: "
                    + String.join("; ", trust.refusals()));
            }
            if (st.getSeverity() == IStatus.ERROR || st.getSeverity() == IStatus.CANCEL) {
                s.dropDownloads(poolBefore);
                throw new FeatureException(FeatureException.Kind.FAILED, c.describe() + " failed, nothing changed: "
                    + String.join("; ", Explain.lines(st)));
            }
            audit(store, c.describe(), source, "ok", summary(described));
            return described;
        } catch (FeatureException e) {
            audit(store, c.describe(), source, e.kind() == FeatureException.Kind.UNTRUSTED ? "refused" : "failed",
                e.getMessage());
            throw e;
        }
    }

    /**
     * The jars of the bundles a plan adds, for {@link BundleCheck}: from the bundle pool when there
     * already, otherwise fetched from the change's repositories into {@code scratch}.
     */
    private static List<File> fetchNewBundles(P2Session s, Planned p, java.nio.file.Path scratch, Progress progress)
        throws FeatureException, java.io.IOException {
        List<File> out = new ArrayList<>();
        IArtifactRepository pool = s.pool(null);
        var arm = s.service(org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager.class);
        for (IInstallableUnit iu : p.plan.getAdditions().query(QueryUtil.createIUAnyQuery(), null).toUnmodifiableSet()) {
            if (!Units.isBundle(iu)) {
                continue;
            }
            var key = Units.bundleArtifact(iu);
            if (pool instanceof IFileArtifactRepository f && f.getArtifactFile(key) != null && f.getArtifactFile(key).exists()) {
                out.add(f.getArtifactFile(key));
                continue;
            }
            for (URI u : p.change.repositories()) {
                try {
                    IArtifactRepository repo = arm.loadRepository(u, null);
                    var descriptors = repo.getArtifactDescriptors(key);
                    if (descriptors.length == 0) {
                        continue;
                    }
                    java.nio.file.Path jar = scratch.resolve(key.getId() + "_" + key.getVersion() + ".jar");
                    try (var os = Files.newOutputStream(jar)) {
                        IStatus st = repo.getArtifact(descriptors[0], os, null);
                        if (!st.isOK() && st.getSeverity() >= IStatus.ERROR) {
                            throw new FeatureException(FeatureException.Kind.UNREACHABLE_REPOSITORY, "cannot download "
                                + key.getId() + " " + key.getVersion() + " from " + u + ": " + String.join("; ", Explain.lines(st)));
                        }
                    }
                    out.add(jar.toFile());
                    break;
                } catch (org.eclipse.equinox.p2.core.ProvisionException e) {
                    // try the next repository; p2 reports a missing artifact when it commits
                }
            }
        }
        return out;
    }

    private static void deleteTree(java.nio.file.Path dir) {
        if (dir == null) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (java.io.IOException e) {
            // a temporary folder left behind
        }
    }

    private static String summary(ChangePlan p) {
        List<String> parts = new ArrayList<>();
        p.added().forEach(u -> parts.add("+" + u.id() + " " + u.to()));
        p.updated().forEach(u -> parts.add("~" + u.id() + " " + u.from() + " -> " + u.to()));
        p.removed().forEach(u -> parts.add("-" + u.id() + " " + u.from()));
        return String.join(", ", parts) + (p.restartNeeded() ? "; restart needed: " + p.restartReason() : "");
    }

    private void audit(AdminStore store, String action, String source, String result, String detail) {
        store.audit(new AuditEntry(Instant.now(), System.getProperty("user.name", "?"), action, source, result, detail));
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

    /** A p2 plan and what it means. */
    private final class Planned {
        final Change change;
        final IProvisioningPlan plan;
        final List<String> problems = new ArrayList<>();
        final P2Session session;
        boolean unknown;

        Planned(Change change, IProvisioningPlan plan, P2Session session) {
            this.change = change;
            this.plan = plan;
            this.session = session;
        }

        ChangePlan describe() {
            if (plan == null) {
                return new ChangePlan(change, List.of(), List.of(), List.of(), problems, false, "", 0);
            }
            if (!plan.getStatus().isOK() && plan.getStatus().getSeverity() >= IStatus.ERROR && problems.isEmpty()) {
                problems.addAll(Explain.lines(plan.getStatus()));
            }
            Map<String, IInstallableUnit> removed = new LinkedHashMap<>();
            for (IInstallableUnit iu : plan.getRemovals().query(QueryUtil.createIUAnyQuery(), null).toUnmodifiableSet()) {
                if (shown(iu)) {
                    removed.put(iu.getId(), iu);
                }
            }
            List<ChangePlan.UnitChange> added = new ArrayList<>();
            List<ChangePlan.UnitChange> updated = new ArrayList<>();
            long bytes = 0;
            Set<String> changedBundles = new HashSet<>();
            for (IInstallableUnit iu : plan.getAdditions().query(QueryUtil.createIUAnyQuery(), null).toUnmodifiableSet()) {
                if (!shown(iu)) {
                    continue;
                }
                IInstallableUnit old = removed.remove(iu.getId());
                String id = Units.isFeature(iu) ? Units.featureId(iu) : iu.getId();
                if (old != null) {
                    updated.add(new ChangePlan.UnitChange(id, Units.name(iu), old.getVersion().toString(),
                        iu.getVersion().toString(), Units.isFeature(iu)));
                    if (Units.isBundle(iu)) {
                        changedBundles.add(iu.getId());
                    }
                } else {
                    added.add(new ChangePlan.UnitChange(id, Units.name(iu), "", iu.getVersion().toString(),
                        Units.isFeature(iu)));
                }
                if (Units.isBundle(iu)) {
                    bytes += downloadSize(iu);
                }
            }
            List<ChangePlan.UnitChange> gone = new ArrayList<>();
            for (IInstallableUnit iu : removed.values()) {
                gone.add(new ChangePlan.UnitChange(Units.isFeature(iu) ? Units.featureId(iu) : iu.getId(), Units.name(iu),
                    iu.getVersion().toString(), "", Units.isFeature(iu)));
                if (Units.isBundle(iu)) {
                    changedBundles.add(iu.getId());
                }
            }
            Comparator<ChangePlan.UnitChange> order = Comparator.comparing((ChangePlan.UnitChange u) -> !u.feature())
                .thenComparing(ChangePlan.UnitChange::id);
            added.sort(order);
            updated.sort(order);
            gone.sort(order);
            String restart = problems.isEmpty() ? RestartCheck.reason(bc, changedBundles) : "";
            return new ChangePlan(change, added, updated, gone, problems, !restart.isEmpty(), restart, bytes);
        }

        private boolean shown(IInstallableUnit iu) {
            return Units.isFeature(iu) || Units.isBundle(iu);
        }

        private long downloadSize(IInstallableUnit iu) {
            var key = Units.bundleArtifact(iu);
            try {
                IArtifactRepository pool = session.pool(null);
                if (pool.contains(key)) {
                    return 0;
                }
            } catch (FeatureException e) {
                // count it
            }
            var arm = session.service(org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager.class);
            for (URI u : change.repositories()) {
                try {
                    var repo = arm.loadRepository(u, null);
                    for (var d : repo.getArtifactDescriptors(key)) {
                        String size = d.getProperty("download.size");
                        if (size != null) {
                            return Long.parseLong(size);
                        }
                    }
                } catch (org.eclipse.equinox.p2.core.ProvisionException | NumberFormatException e) {
                    // unknown size
                }
            }
            return 0;
        }
    }

    private Planned plan(P2Session s, Change c, Progress progress) throws FeatureException {
        Monitor monitor = new Monitor(progress);
        IProfile profile = s.profile();
        ProvisioningContext ctx = new ProvisioningContext(s.agent);
        List<URI> repos = new ArrayList<>(c.repositories());
        if (!repos.isEmpty()) {
            progress.step("reading " + String.join(", ", repos.stream().map(URI::toString).toList()), 0);
        }
        List<IMetadataRepository> metadata = s.load(repos, monitor);
        URI pool = s.bundlePool();
        ctx.setMetadataRepositories(repos.toArray(URI[]::new));
        List<URI> artifacts = new ArrayList<>(repos);
        artifacts.add(pool);
        ctx.setArtifactRepositories(artifacts.toArray(URI[]::new));
        IProfileChangeRequest req = s.planner().createChangeRequest(profile);
        switch (c) {
            case Change.Install i -> {
                IInstallableUnit iu = find(metadata, i.featureId(), i.version());
                if (iu == null) {
                    Planned p = new Planned(c, null, s);
                    p.unknown = true;
                    p.problems.add("no feature '" + i.featureId() + "'" + (i.version().isEmpty() ? "" : " version " + i.version())
                        + " in " + String.join(", ", repos.stream().map(URI::toString).toList()) + suggestions(metadata));
                    return p;
                }
                IInstallableUnit present = installedFeature(profile, i.featureId());
                if (present != null && present.getVersion().equals(iu.getVersion())) {
                    Planned p = new Planned(c, s.planner().getProvisioningPlan(req, ctx, monitor), s);
                    return p;
                }
                if (present != null) {
                    req.remove(present);
                }
                req.add(iu);
                req.setInstallableUnitProfileProperty(iu, Units.ROOT, "true");
            }
            case Change.Update u -> {
                List<IInstallableUnit> targets = new ArrayList<>();
                if (u.featureIds().isEmpty()) {
                    for (IInstallableUnit iu : profile.query(QueryUtil.createIUGroupQuery(), null).toUnmodifiableSet()) {
                        if (Units.isFeature(iu) && "true".equals(profile.getInstallableUnitProperty(iu, Units.ROOT))) {
                            targets.add(iu);
                        }
                    }
                } else {
                    for (String id : u.featureIds()) {
                        IInstallableUnit iu = installedFeature(profile, id);
                        if (iu == null) {
                            Planned p = new Planned(c, null, s);
                            p.unknown = true;
                            p.problems.add("feature '" + id + "' is not installed; 'features list' shows what is");
                            return p;
                        }
                        targets.add(iu);
                    }
                }
                for (IInstallableUnit old : targets) {
                    IInstallableUnit newest = find(metadata, Units.featureId(old), "");
                    if (newest != null && newest.getVersion().compareTo(old.getVersion()) > 0) {
                        req.remove(old);
                        req.add(newest);
                        req.setInstallableUnitProfileProperty(newest, Units.ROOT, "true");
                    }
                }
            }
            case Change.Uninstall un -> {
                IInstallableUnit iu = installedFeature(profile, un.featureId());
                if (iu == null) {
                    Planned p = new Planned(c, null, s);
                    p.unknown = true;
                    p.problems.add("feature '" + un.featureId() + "' is not installed; 'features list' shows what is");
                    return p;
                }
                if (!"true".equals(profile.getInstallableUnitProperty(iu, Units.ROOT))) {
                    Planned p = new Planned(c, null, s);
                    p.problems.add("feature '" + un.featureId() + "' was not installed on its own: it is part of "
                        + String.join(", ", includers(profile, iu)) + " and goes with it");
                    return p;
                }
                if (shipped(s).contains(iu.getId() + " " + iu.getVersion())) {
                    Planned p = new Planned(c, null, s);
                    p.problems.add("feature '" + un.featureId() + "' is part of the product as shipped; the product"
                        + " cannot run without it");
                    return p;
                }
                req.remove(iu);
            }
            case Change.Revert r -> {
                long[] ts = s.registry().listProfileTimestamps(profile.getProfileId());
                Arrays.sort(ts);
                if (r.state() < 1 || r.state() > ts.length) {
                    throw new FeatureException(FeatureException.Kind.INVALID, "no state " + r.state()
                        + "; 'features history' lists states 1 to " + ts.length);
                }
                IProfile target = s.registry().getProfile(profile.getProfileId(), ts[r.state() - 1]);
                return new Planned(c, s.planner().getDiffPlan(profile, target, monitor), s);
            }
        }
        return new Planned(c, s.planner().getProvisioningPlan(req, ctx, monitor), s);
    }

    private static List<String> includers(IProfile profile, IInstallableUnit iu) {
        List<String> out = new ArrayList<>();
        for (IInstallableUnit f : profile.query(QueryUtil.createIUGroupQuery(), null).toUnmodifiableSet()) {
            if (f != iu && Units.isFeature(f) && f.getRequirements().stream().anyMatch(r -> r.isMatch(iu))) {
                out.add(Units.featureId(f));
            }
        }
        return out.isEmpty() ? List.of("the product") : out;
    }

    private static String suggestions(List<IMetadataRepository> repos) {
        List<String> ids = new ArrayList<>();
        for (IMetadataRepository r : repos) {
            r.query(QueryUtil.createIUGroupQuery(), null).forEach(iu -> {
                if (Units.isFeature(iu) && !ids.contains(Units.featureId(iu))) {
                    ids.add(Units.featureId(iu));
                }
            });
        }
        ids.sort(null);
        return ids.isEmpty() ? " (it offers no features)" : "; it offers: " + String.join(", ", ids);
    }

    private static IInstallableUnit installedFeature(IProfile profile, String featureId) {
        var q = QueryUtil.createIUQuery(featureId + Units.FEATURE_SUFFIX);
        var r = profile.query(q, null).toUnmodifiableSet();
        return r.isEmpty() ? null : r.iterator().next();
    }

    private static IInstallableUnit find(List<IMetadataRepository> repos, String featureId, String version) {
        IInstallableUnit best = null;
        for (IMetadataRepository r : repos) {
            var q = version.isEmpty() ? QueryUtil.createIUQuery(featureId + Units.FEATURE_SUFFIX)
                : QueryUtil.createIUQuery(featureId + Units.FEATURE_SUFFIX,
                    org.eclipse.equinox.p2.metadata.Version.create(version));
            for (IInstallableUnit iu : r.query(q, null).toUnmodifiableSet()) {
                if (best == null || iu.getVersion().compareTo(best.getVersion()) > 0) {
                    best = iu;
                }
            }
        }
        return best;
    }

    @Override
    public List<ProfileState> history() throws FeatureException {
        try (P2Session s = open(List.of())) {
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
        AdminStore store = store();
        TrustPolicy before = store.trust();
        store.trust(policy);
        audit(store, "trust policy", "", "ok", describeChange(before, policy));
    }

    private static String describeChange(TrustPolicy a, TrustPolicy b) {
        List<String> parts = new ArrayList<>();
        if (a.allowUnsigned() != b.allowUnsigned()) {
            parts.add(b.allowUnsigned() ? "unsigned content allowed from anywhere" : "unsigned content refused");
        }
        b.unsignedRepositories().stream().filter(u -> !a.unsignedRepositories().contains(u))
            .forEach(u -> parts.add("unsigned allowed from " + u));
        a.unsignedRepositories().stream().filter(u -> !b.unsignedRepositories().contains(u))
            .forEach(u -> parts.add("unsigned no longer allowed from " + u));
        if (a.certificates().size() != b.certificates().size()) {
            parts.add("certificates " + a.certificates().size() + " -> " + b.certificates().size());
        }
        if (a.pgpKeys().size() != b.pgpKeys().size()) {
            parts.add("PGP keys " + a.pgpKeys().size() + " -> " + b.pgpKeys().size());
        }
        return parts.isEmpty() ? "unchanged" : String.join("; ", parts);
    }

    @Override
    public TrustPolicy trust(Path file) throws FeatureException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw new FeatureException(FeatureException.Kind.INVALID, "cannot read " + file + ": " + e.getMessage());
        }
        AdminStore store = store();
        TrustPolicy p = store.trust();
        TrustPolicy next;
        String what;
        if (text.contains("BEGIN PGP PUBLIC KEY BLOCK")) {
            if (PolicyTrust.keyIds(List.of(text)).isEmpty()) {
                throw new FeatureException(FeatureException.Kind.INVALID, file + ": no PGP public key could be read");
            }
            List<String> keys = new ArrayList<>(p.pgpKeys());
            keys.add(text);
            next = new TrustPolicy(p.certificates(), keys, p.allowUnsigned(), p.unsignedRepositories());
            what = "PGP key " + PolicyTrust.keyIds(List.of(text)).stream().map(k -> Long.toHexString(k).toUpperCase())
                .toList();
        } else {
            byte[] data;
            try {
                data = Files.readAllBytes(file);
            } catch (java.io.IOException e) {
                throw new FeatureException(FeatureException.Kind.INVALID, "cannot read " + file + ": " + e.getMessage());
            }
            var certs = PolicyTrust.parseCertificates(data);
            if (certs.isEmpty()) {
                throw new FeatureException(FeatureException.Kind.INVALID, file
                    + ": not an X.509 certificate (PEM or DER) nor an armored PGP public key");
            }
            List<String> pems = new ArrayList<>(p.certificates());
            Set<String> known = PolicyTrust.encoded(p.certificates());
            List<String> subjects = new ArrayList<>();
            for (var c : certs) {
                subjects.add(PolicyTrust.subject(c));
                if (!known.contains(PolicyTrust.fingerprint(c))) {
                    pems.add(Signatures.pem(c));
                }
            }
            next = new TrustPolicy(pems, p.pgpKeys(), p.allowUnsigned(), p.unsignedRepositories());
            what = "certificate " + String.join(", ", subjects);
        }
        store.trust(next);
        audit(store, "trust add", file.toAbsolutePath().toString(), "ok", what);
        return next;
    }

    @Override
    public List<URI> repositories() throws FeatureException {
        return store().repositories();
    }

    @Override
    public void setRepositories(List<URI> repositories) throws FeatureException {
        AdminStore store = store();
        store.repositories(repositories);
        audit(store, "repositories", String.join(" ", repositories.stream().map(URI::toString).toList()), "ok", "");
    }

    @Override
    public List<AuditEntry> audit() throws FeatureException {
        return store().audit();
    }
}
