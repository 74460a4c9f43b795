package io.convergence.admin.internal;

import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProvisioningPlan;
import org.eclipse.equinox.p2.engine.ProvisioningContext;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.planner.IProfileChangeRequest;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.osgi.framework.BundleContext;
import org.jspecify.annotations.Nullable;

import io.convergence.admin.Change;
import io.convergence.admin.ChangePlan;
import io.convergence.admin.FeatureException;
import io.convergence.admin.Progress;

/**
 * Turns an admin's {@link Change} into a p2 provisioning plan, and the plan into what an admin
 * reads: units added, updated and removed, problems in plain words, restart or not, download size.
 */
final class ChangePlanner {

    private ChangePlanner() {
    }

    /** Features as the product was first installed: what shipped with it. */
    static Set<String> shipped(P2Session s) {
        IProfile state = shippedState(s);
        Set<String> out = new HashSet<>();
        if (state != null) {
            state.query(QueryUtil.createIUGroupQuery(), null).forEach(iu -> out.add(iu.getId() + " " + iu.getVersion()));
        }
        return out;
    }

    /** The first state with features: the product as its build installed it; null when there is none. */
    static @Nullable IProfile shippedState(P2Session s) {
        long[] ts = s.registry().listProfileTimestamps(s.installation.profileId());
        java.util.Arrays.sort(ts);
        for (long t : ts) {
            IProfile state = s.registry().getProfile(s.installation.profileId(), t);
            if (state != null && !state.query(QueryUtil.createIUGroupQuery(), null).isEmpty()) {
                return state;
            }
        }
        return null;
    }

    static void deleteTree(java.nio.file.Path dir) {
        if (dir == null) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (java.io.IOException e) {
            // a temporary folder left behind
        }
    }

    /** A p2 plan and what it means. */
    static final class Planned {
        final Change change;
        final IProvisioningPlan plan;
        final List<String> problems = new ArrayList<>();
        final P2Session session;
        private final BundleContext bc;
        boolean unknown;

        Planned(BundleContext bc, Change change, IProvisioningPlan plan, P2Session session) {
            this.bc = bc;
            this.change = change;
            this.plan = plan;
            this.session = session;
        }

        ChangePlan describe() {
            if (plan == null) {
                problems.replaceAll(p -> Names.shown(p, 1000));
                return new ChangePlan(change, List.of(), List.of(), List.of(), problems, false, "", 0);
            }
            if (!plan.getStatus().isOK() && plan.getStatus().getSeverity() >= IStatus.ERROR && problems.isEmpty()) {
                problems.addAll(Explain.lines(plan.getStatus()));
            }
            problems.replaceAll(p -> Names.shown(p, 1000));
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
            IArtifactRepository pool = pool();
            List<String> modelContributions = new ArrayList<>();
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
                    if (Units.isBundle(iu) && Units.requiresBundle(iu, RestartCheck.WORKBENCH_MODEL)
                        && addsModelProcessor(iu)) {
                        modelContributions.add(iu.getId());
                    }
                }
                if (Units.isBundle(iu)) {
                    bytes += downloadSize(iu, pool);
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
            List<String> reasons = new ArrayList<>();
            if (!modelContributions.isEmpty()) {
                modelContributions.sort(null);
                reasons.add(ModelProcessors.reason(modelContributions));
            }
            String wired = RestartCheck.reason(bc, changedBundles);
            if (!wired.isEmpty()) {
                reasons.add(wired);
            }
            String restart = problems.isEmpty() ? String.join("; ", reasons) : "";
            return new ChangePlan(change, added, updated, gone, problems, !restart.isEmpty(), restart, bytes);
        }

        private boolean shown(IInstallableUnit iu) {
            return Units.isFeature(iu) || Units.isBundle(iu);
        }

        private IArtifactRepository pool() {
            try {
                return session.pool(null);
            } catch (FeatureException e) {
                return null; // sizes then count what the pool may hold too
            }
        }

        /**
         * Whether a bundle to be added brings a model processor: views (model fragments) are applied
         * live, processors only at the workbench's start.
         */
        private boolean addsModelProcessor(IInstallableUnit iu) {
            var key = Units.bundleArtifact(iu);
            var arm = session.service(org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager.class);
            for (URI u : change.repositories()) {
                try {
                    var repo = arm.loadRepository(u, null);
                    if (repo.contains(key)) {
                        return ModelProcessors.declares(repo, key);
                    }
                } catch (org.eclipse.equinox.p2.core.ProvisionException e) {
                    // not readable here: the install reads it again and says why
                }
            }
            return false;
        }

        private long downloadSize(IInstallableUnit iu, IArtifactRepository pool) {
            var key = Units.bundleArtifact(iu);
            if (pool != null && pool.contains(key)) {
                return 0;
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

    static Planned plan(BundleContext bc, P2Session s, Change c, Progress progress) throws FeatureException {
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
                    Planned p = new Planned(bc, c, null, s);
                    p.unknown = true;
                    p.problems.add("no feature '" + i.featureId() + "'" + (i.version().isEmpty() ? "" : " version " + i.version())
                        + " in " + String.join(", ", repos.stream().map(URI::toString).toList()) + suggestions(metadata));
                    return p;
                }
                IInstallableUnit present = installedFeature(profile, i.featureId());
                if (present != null && present.getVersion().equals(iu.getVersion())) {
                    Planned p = new Planned(bc, c, s.planner().getProvisioningPlan(req, ctx, monitor), s);
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
                            Planned p = new Planned(bc, c, null, s);
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
                    Planned p = new Planned(bc, c, null, s);
                    p.unknown = true;
                    p.problems.add("feature '" + un.featureId() + "' is not installed; 'features list' shows what is");
                    return p;
                }
                if (!"true".equals(profile.getInstallableUnitProperty(iu, Units.ROOT))) {
                    Planned p = new Planned(bc, c, null, s);
                    p.problems.add("feature '" + un.featureId() + "' was not installed on its own: it is part of "
                        + String.join(", ", includers(profile, iu)) + " and goes with it");
                    return p;
                }
                if (shipped(s).contains(iu.getId() + " " + iu.getVersion())) {
                    Planned p = new Planned(bc, c, null, s);
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
                return new Planned(bc, c, s.planner().getDiffPlan(profile, target, monitor), s);
            }
        }
        return new Planned(bc, c, s.planner().getProvisioningPlan(req, ctx, monitor), s);
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
}
