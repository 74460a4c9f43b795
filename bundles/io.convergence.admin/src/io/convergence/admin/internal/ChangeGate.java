package io.convergence.admin.internal;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.metadata.IArtifactKey;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepository;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.artifact.IFileArtifactRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;
import org.jspecify.annotations.Nullable;

import io.convergence.admin.Change;
import io.convergence.admin.FeatureException;
import io.convergence.admin.TrustPolicy;

/**
 * The trust policy as the only gate of a planned change, before anything of it reaches the
 * installation or the running framework: names that become paths, then instructions (metadata is
 * content), then every artifact, downloaded once into {@link Staging} and judged by the policy's
 * own anchors. Everything refused is reported at once; the change then changes nothing.
 */
final class ChangeGate implements AutoCloseable {

    private final Staging staging;
    private final Ledger ledger;
    private final Map<IInstallableUnit, Ledger.Entry> units;
    private final Map<Staging.Item, Ledger.Entry> artifacts;

    private ChangeGate(Staging staging, Ledger ledger, Map<IInstallableUnit, Ledger.Entry> units,
                       Map<Staging.Item, Ledger.Entry> artifacts) {
        this.staging = staging;
        this.ledger = ledger;
        this.units = units;
        this.artifacts = artifacts;
    }

    /** Checks the plan's additions; throws with every reason when the policy refuses any of it. */
    static ChangeGate pass(P2Session s, ChangePlanner.Planned p, TrustPolicy policy, Path scratch, IProgressMonitor monitor)
        throws FeatureException {
        List<IInstallableUnit> additions = new ArrayList<>(
            p.plan.getAdditions().query(QueryUtil.createIUAnyQuery(), null).toUnmodifiableSet());
        List<String> names = Names.problems(additions);
        if (!names.isEmpty()) {
            throw new FeatureException(FeatureException.Kind.INVALID, p.change.describe() + " refused, nothing changed: "
                + String.join("; ", names));
        }
        IProfile current = s.profile();
        IProfile shippedState = ChangePlanner.shippedState(s);
        Set<String> shipped = new HashSet<>();
        if (shippedState != null) {
            shippedState.query(QueryUtil.createIUAnyQuery(), null).forEach(iu -> shipped.add(iu.getId() + " " + iu.getVersion()));
        }
        Ledger ledger = Ledger.load(s.installation.admin());
        if (!ledger.existed() && shippedState != null) {
            recordProduct(s, shippedState, ledger);
        }
        var metadataLeaves = Sources.metadata(s.service(IMetadataRepositoryManager.class), p.change.repositories(), monitor);
        MetadataCheck.Result meta;
        try (SignedIndex index = new SignedIndex(s, TrustRoots.of(policy), scratch.resolve("indexes"))) {
            meta = MetadataCheck.check(current, additions, shipped, metadataLeaves, policy, ledger, index);
        }
        List<java.net.URI> artifactSources = p.change instanceof Change.Revert ? refetch(s, additions, ledger) : p.change.repositories();
        var artifactLeaves = Sources.artifacts(s.service(IArtifactRepositoryManager.class), artifactSources, monitor);
        Staging staging = Staging.gather(s, additions, artifactLeaves, scratch.resolve("artifacts"), monitor);
        try {
            List<String> mismatched = new ArrayList<>(BundleIdentity.problems(additions, staging.items()));
            for (IInstallableUnit iu : additions) {
                if (!QueryUtil.isFragment(iu) && current.query(QueryUtil.createIUQuery(iu.getId(), iu.getVersion()), null).isEmpty()) {
                    mismatched.addAll(Instructions.oneWay(iu));
                }
            }
            if (!mismatched.isEmpty()) {
                throw new FeatureException(FeatureException.Kind.INVALID, p.change.describe() + " refused, nothing changed: "
                    + String.join("; ", mismatched));
            }
            ContentCheck.Result content = ContentCheck.check(staging.items(), policy, ledger);
            List<String> refusals = new ArrayList<>(content.refusals());
            if (p.change instanceof Change.Revert) {
                refusals.addAll(notAsAdmitted(staging.items(), ledger));
            }
            refusals.addAll(meta.refusals());
            if (!refusals.isEmpty()) {
                throw new FeatureException(FeatureException.Kind.UNTRUSTED, p.change.describe() + " refused, nothing changed: "
                    + String.join("; ", refusals));
            }
            return new ChangeGate(staging, ledger, meta.admitted(), content.admitted());
        } catch (FeatureException | RuntimeException e) {
            staging.close();
            throw e;
        }
    }

    /**
     * The repositories a revert fetches from: p2 removes unpacked artifacts (features) from the pool
     * when it uninstalls them, so a revert takes those again from where they were admitted.
     */
    private static List<java.net.URI> refetch(P2Session s, List<IInstallableUnit> additions, Ledger ledger) throws FeatureException {
        IArtifactRepository pool = s.pool(null);
        Set<String> out = new java.util.LinkedHashSet<>();
        for (IInstallableUnit iu : additions) {
            for (IArtifactKey k : iu.getArtifacts()) {
                File f = pool instanceof IFileArtifactRepository fp && pool.contains(k) ? fp.getArtifactFile(k) : null;
                Ledger.Entry e = ledger.artifact(k);
                if ((f == null || !f.exists()) && e != null && !e.repository().isEmpty()) {
                    out.add(e.repository());
                }
            }
        }
        return out.stream().map(java.net.URI::create).toList();
    }

    /** A revert restores what was admitted: content fetched again must be the very content admitted. */
    private static List<String> notAsAdmitted(List<Staging.Item> items, Ledger ledger) {
        List<String> out = new ArrayList<>();
        for (Staging.Item i : items) {
            Ledger.Entry e = ledger.artifact(i.key());
            if (i.source() != null && (e == null || !e.sha256().equals(ContentHash.of(i.file())))) {
                out.add(ContentCheck.describe(i.key()) + " from " + i.source().describe() + " is not the content admitted when it"
                    + " was installed (the repository changed it since)");
            }
        }
        return out;
    }

    /** The product as shipped: its pool files are what the first change finds there (trust on first use). */
    private static void recordProduct(P2Session s, IProfile shippedState, Ledger ledger) throws FeatureException {
        IArtifactRepository pool = s.pool(null);
        if (!(pool instanceof IFileArtifactRepository f)) {
            return;
        }
        for (IInstallableUnit iu : shippedState.query(QueryUtil.createIUAnyQuery(), null).toUnmodifiableSet()) {
            for (IArtifactKey k : iu.getArtifacts()) {
                File file = f.getArtifactFile(k);
                if (file != null && file.exists()) {
                    ledger.artifact(k, new Ledger.Entry(ContentHash.of(file), "product", ""));
                }
            }
        }
    }

    /** Where the engine takes downloaded content from (besides the pool); null when there is none. */
    java.net.@Nullable URI staged() {
        return staging.location();
    }

    /** The bundle jars of the change, for the resolve check. */
    List<File> bundles() {
        List<File> out = new ArrayList<>();
        for (Staging.Item i : staging.items()) {
            if ("osgi.bundle".equals(i.key().getClassifier())) {
                out.add(i.file());
            }
        }
        return out;
    }

    /** The SHA-256 of every file admitted: the engine's own trust question is answered from these. */
    Set<String> admittedFiles() {
        Set<String> out = new HashSet<>();
        artifacts.values().forEach(e -> out.add(e.sha256()));
        return out;
    }

    /** Records what was admitted, once the change is committed. */
    void record() throws FeatureException {
        artifacts.forEach((item, e) -> ledger.artifact(item.key(), e));
        units.forEach((iu, e) -> ledger.unit(iu.getId(), iu.getVersion().toString(), e));
        ledger.save();
    }

    @Override
    public void close() {
        staging.close();
    }
}
