package io.convergence.ui.features.tests;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.convergence.admin.AuditEntry;
import io.convergence.admin.AvailableFeature;
import io.convergence.admin.Change;
import io.convergence.admin.ChangePlan;
import io.convergence.admin.ChangePlan.UnitChange;
import io.convergence.admin.FeatureException;
import io.convergence.admin.FeatureService;
import io.convergence.admin.InstalledFeature;
import io.convergence.admin.ProfileState;
import io.convergence.admin.Progress;
import io.convergence.admin.TrustPolicy;
import io.convergence.admin.TrustState;

/**
 * An in-memory stand-in for the p2 feature service, only for the view's tests: a product with three
 * features, one repository offering a good feature, an update, and a feature that cannot be
 * installed. The real service's own tests are end to end elsewhere.
 */
final class FakeFeatureService implements FeatureService {

    static final URI REPO = URI.create("file:/tmp/fake-repository/");
    static final URI CONFIGURED = URI.create("https://updates.example.invalid/convergence/");
    static final String BROKEN = "io.convergence.broken.feature";
    static final String MQTT = "io.convergence.connector.mqtt.feature";

    final List<Change> applied = new CopyOnWriteArrayList<>();
    final List<Progress> progresses = new CopyOnWriteArrayList<>();
    volatile boolean failInstalled;
    volatile boolean restartNeeded;
    private final List<InstalledFeature> installed = new ArrayList<>();
    private final List<ProfileState> history = new ArrayList<>();
    private TrustPolicy policy = TrustPolicy.strict();
    private List<URI> repositories = List.of(CONFIGURED);

    FakeFeatureService() {
        installed.add(new InstalledFeature("io.convergence.ui.trend.feature", "Convergence Trend view", "1.0.0.202611301200",
            "Convergence Workbench", true, TrustState.PRODUCT, "", List.of("io.convergence.ui.trend 1.0.0.202611301200",
                "org.eclipse.swtchart 1.1.0")));
        installed.add(new InstalledFeature("io.convergence.historian.duckdb.feature", "DuckDB historian", "1.0.0.202611301200",
            "Convergence Workbench", true, TrustState.UNSIGNED, "", List.of("io.convergence.historian.duckdb 1.0.0")));
        installed.add(new InstalledFeature("com.partner.press.feature", "Partner press connector", "2.1.0",
            "Partner GmbH", true, TrustState.UNTRUSTED, "CN=Partner GmbH, O=Partner", List.of("com.partner.press 2.1.0")));
        installed.add(new InstalledFeature("io.convergence.platform.feature", "Convergence platform", "1.0.0.202611301200",
            "Convergence Workbench", false, TrustState.PRODUCT, "", List.of("org.eclipse.osgi 3.24.300", "org.apache.felix.scr 2.2.18")));
        commit();
    }

    private void commit() {
        List<String> roots = installed.stream().filter(InstalledFeature::root).map(f -> f.id() + " " + f.version()).toList();
        List<ProfileState> old = history.stream().map(s -> new ProfileState(s.number(), s.time(), s.rootFeatures(), false)).toList();
        history.clear();
        history.addAll(old);
        history.add(new ProfileState(history.size() + 1, Instant.parse("2026-11-30T12:00:00Z").plusSeconds(3600L * history.size()), roots, true));
    }

    @Override
    public synchronized List<InstalledFeature> installed() throws FeatureException {
        if (failInstalled) {
            throw new FeatureException(FeatureException.Kind.FAILED, "the profile registry is locked by another process");
        }
        return List.copyOf(installed);
    }

    @Override
    public synchronized List<AvailableFeature> available(List<URI> repos, Progress progress) throws FeatureException {
        progresses.add(progress);
        progress.step("Reading " + repos, 1);
        progress.worked(1);
        if (!repos.equals(List.of(REPO))) {
            throw new FeatureException(FeatureException.Kind.UNREACHABLE_REPOSITORY, "No repository found at " + repos.get(0) + ".");
        }
        return List.of(
            new AvailableFeature(MQTT, "MQTT connector", "1.2.0", "Convergence Workbench", REPO, version(MQTT)),
            new AvailableFeature(BROKEN, "Broken example", "0.1.0", "Nobody", REPO, ""),
            new AvailableFeature("com.partner.press.feature", "Partner press connector", "2.2.0", "Partner GmbH", REPO, "2.1.0"));
    }

    private String version(String id) {
        return installed.stream().filter(f -> f.id().equals(id)).map(InstalledFeature::version).findFirst().orElse("");
    }

    @Override
    public synchronized ChangePlan preview(Change change, Progress progress) throws FeatureException {
        progresses.add(progress);
        return switch (change) {
            case Change.Install i when i.featureId().equals(BROKEN) -> new ChangePlan(change, List.of(), List.of(), List.of(),
                List.of("Broken example 0.1.0 needs the package org.example.missing 1.0, which no repository has."), false, "", -1);
            case Change.Install i when i.featureId().equals(MQTT) -> new ChangePlan(change, List.of(
                new UnitChange(MQTT, "MQTT connector", "", "1.2.0", true),
                new UnitChange("io.convergence.connector.mqtt", "io.convergence.connector.mqtt", "", "1.2.0", false),
                new UnitChange("com.hivemq.client.mqtt", "HiveMQ MQTT Client", "", "1.4.2", false)), List.of(), List.of(),
                List.of(), restartNeeded, restartNeeded ? "it replaces a bundle the workbench itself uses" : "", 1_430_000);
            case Change.Install i -> new ChangePlan(change, List.of(), List.of(new UnitChange(i.featureId(), i.featureId(),
                version(i.featureId()), i.version(), true)), List.of(), List.of(), false, "", 20_000);
            case Change.Uninstall u -> new ChangePlan(change, List.of(), List.of(), List.of(new UnitChange(u.featureId(),
                u.featureId(), version(u.featureId()), "", true)), List.of(), false, "", 0);
            case Change.Update u -> new ChangePlan(change, List.of(), List.of(), List.of(), List.of(), false, "", 0);
            case Change.Revert r -> new ChangePlan(change, List.of(), List.of(), List.of(new UnitChange(MQTT, "MQTT connector",
                version(MQTT), "", true)), List.of(), false, "", 0);
        };
    }

    @Override
    public synchronized ChangePlan apply(Change change, Progress progress) throws FeatureException {
        ChangePlan plan = preview(change, progress);
        if (!plan.ok()) {
            throw new FeatureException(FeatureException.Kind.CONFLICT, String.join(" ", plan.problems()));
        }
        progress.step("Downloading", plan.downloadBytes());
        progress.worked(plan.downloadBytes());
        progress.step("Committing", 0);
        applied.add(change);
        switch (change) {
            case Change.Install i when i.featureId().equals(MQTT) -> installed.add(0, new InstalledFeature(MQTT, "MQTT connector",
                "1.2.0", "Convergence Workbench", true, TrustState.TRUSTED, "CN=Convergence Workbench",
                List.of("io.convergence.connector.mqtt 1.2.0", "com.hivemq.client.mqtt 1.4.2")));
            case Change.Uninstall u -> installed.removeIf(f -> f.id().equals(u.featureId()));
            case Change.Revert r -> installed.removeIf(f -> f.id().equals(MQTT));
            default -> {
            }
        }
        commit();
        return plan;
    }

    @Override
    public synchronized List<ProfileState> history() {
        return List.copyOf(history);
    }

    @Override
    public synchronized TrustPolicy trustPolicy() {
        return policy;
    }

    @Override
    public synchronized void setTrustPolicy(TrustPolicy p) {
        policy = p;
    }

    @Override
    public synchronized TrustPolicy trust(Path keyOrCertificate) throws FeatureException {
        throw new FeatureException(FeatureException.Kind.INVALID, keyOrCertificate + " holds no certificate or key.");
    }

    @Override
    public synchronized List<URI> repositories() {
        return repositories;
    }

    @Override
    public synchronized void setRepositories(List<URI> r) {
        repositories = List.copyOf(r);
    }

    @Override
    public List<AuditEntry> audit() {
        return List.of();
    }

    /** Registered above any real service, so that the view is given it. */
    static Map<String, Object> ranking() {
        return Map.of(org.osgi.framework.Constants.SERVICE_RANKING, Integer.MAX_VALUE);
    }
}
