package io.convergence.admin.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import io.convergence.admin.AuditEntry;
import io.convergence.admin.Change;
import io.convergence.admin.FeatureException;
import io.convergence.admin.Progress;
import io.convergence.admin.TrustPolicy;

/**
 * A product installation in a temporary folder, made the way a product build makes one: a p2
 * profile whose first state holds the product's feature (the simple configurator, so that p2 writes
 * {@code bundles.info}, and one product bundle), installed by the real p2 engine. The service under
 * test manages it as it manages the installation of a running product; the policy then is the
 * default one (unsigned content refused, nothing trusted), as a product ships.
 */
final class TestInstallation {

    static final String PROFILE = "TestProfile";
    static final String PRODUCT_FEATURE = "io.convergence.test.product";

    final Path folder;
    final Installation installation;
    final P2FeatureService service;
    final BundleContext bc;

    private TestInstallation(BundleContext bc, Path folder, P2FeatureService service) {
        this.bc = bc;
        this.folder = folder;
        this.installation = new Installation(folder, folder.resolve("p2"), PROFILE, folder.resolve("admin"));
        this.service = service;
    }

    static BundleContext context() {
        return FrameworkUtil.getBundle(TestInstallation.class).getBundleContext();
    }

    static IProvisioningAgentProvider agents(BundleContext bc) {
        var ref = bc.getServiceReference(IProvisioningAgentProvider.class);
        if (ref == null) {
            throw new IllegalStateException("p2's agent provider is not registered");
        }
        return bc.getService(ref);
    }

    /** A fresh installation in {@code dir/product}, with its product repository in {@code dir/product-repo}. */
    static TestInstallation create(Path dir) throws Exception {
        BundleContext bc = context();
        // A product installs p2's garbage collector but does not start it: the bundle pool keeps
        // what was uninstalled, for reverts. The test runtime starts every bundle; stop it here.
        for (Bundle b : bc.getBundles()) {
            if ("org.eclipse.equinox.p2.garbagecollector".equals(b.getSymbolicName()) && b.getState() == Bundle.ACTIVE) {
                b.stop();
            }
        }
        Path folder = dir.resolve("product");
        Files.createDirectories(folder.resolve("p2"));
        IProvisioningAgentProvider provider = agents(bc);
        IProvisioningAgent agent = provider.createAgent(folder.resolve("p2").toUri());
        try {
            agent.getService(IProfileRegistry.class).addProfile(PROFILE, Map.of(
                IProfile.PROP_INSTALL_FOLDER, folder.toString(),
                IProfile.PROP_CACHE, folder.toString(),
                IProfile.PROP_ENVIRONMENTS, "osgi.os=linux,osgi.ws=gtk,osgi.arch=x86_64",
                "org.eclipse.update.install.features", "true"));
            // The bundle pool, an artifact repository in the installation folder, as a product build leaves it.
            agent.getService(IArtifactRepositoryManager.class).createRepository(folder.toUri(), "bundle pool",
                IArtifactRepositoryManager.TYPE_SIMPLE_REPOSITORY, Map.of("p2.system", "true"));
        } finally {
            agent.stop();
        }
        TestInstallation t = new TestInstallation(bc, folder, null);
        P2FeatureService service = new P2FeatureService(bc, provider, t.installation);
        t = new TestInstallation(bc, folder, service);

        Path repo = dir.resolve("product-repo");
        Bundle sc = Arrays.stream(bc.getBundles()).filter(b -> "org.eclipse.equinox.simpleconfigurator".equals(b.getSymbolicName()))
            .findFirst().orElseThrow(() -> new IllegalStateException("the simple configurator is not in the test runtime"));
        Path scJar = org.eclipse.core.runtime.FileLocator.getBundleFile(sc).toPath();
        String scVersion = sc.getVersion().toString();
        TestRepo.Unit scUnit = TestRepo.Unit.bundle(sc.getSymbolicName(), scVersion, scJar,
            TestJars.manifest(sc.getSymbolicName(), scVersion));
        scUnit.instructions.put("configure", "setStartLevel(startLevel:1);markStarted(started:true);");
        Path baseJar = TestJars.bundle(dir.resolve("jars"), "io.convergence.test.base", "1.0.0");
        new TestRepo(repo).add(
            scUnit,
            TestRepo.Unit.bundle("io.convergence.test.base", "1.0.0", baseJar, TestJars.manifest("io.convergence.test.base", "1.0.0")),
            TestRepo.Unit.feature(PRODUCT_FEATURE, "1.0.0").requires(sc.getSymbolicName(), scVersion)
                .requires("io.convergence.test.base", "1.0.0")).write();
        AdminStore store = new AdminStore(t.installation.admin());
        store.trust(new TrustPolicy(List.of(), List.of(), true, List.of()));
        service.apply(new Change.Install(PRODUCT_FEATURE, "", List.of(repo.toUri())), Progress.NONE);
        deleteTree(t.installation.admin()); // the product ships with the default policy and no log
        if (!Files.exists(t.installation.bundlesInfo())) {
            throw new IllegalStateException("p2 wrote no bundles.info in " + folder);
        }
        return t;
    }

    /** What an admin would compare to see that nothing changed. */
    record State(String bundlesInfo, List<Long> profileStates, Set<String> files) {
    }

    State state() throws IOException {
        String info = Files.exists(installation.bundlesInfo()) ? Files.readString(installation.bundlesInfo(), StandardCharsets.UTF_8) : "";
        Path registry = folder.resolve("p2/org.eclipse.equinox.p2.engine/profileRegistry/" + PROFILE + ".profile");
        List<Long> states;
        try (Stream<Path> s = Files.list(registry)) {
            states = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".profile.gz") || n.endsWith(".profile"))
                .map(n -> Long.parseLong(n.substring(0, n.indexOf('.')))).sorted().toList();
        }
        Set<String> files = new TreeSet<>();
        try (Stream<Path> s = Files.walk(folder)) {
            s.map(p -> folder.relativize(p).toString().replace('\\', '/'))
                .filter(n -> !n.startsWith("admin") && !n.startsWith("p2/") && !n.equals("p2") && !n.endsWith(".lock"))
                .forEach(files::add);
        }
        return new State(info, states, files);
    }

    List<AuditEntry> audit() throws FeatureException {
        return service.audit();
    }

    AuditEntry lastAudit() throws FeatureException {
        List<AuditEntry> all = audit();
        if (all.isEmpty()) {
            throw new AssertionError("the audit log is empty");
        }
        return all.get(all.size() - 1);
    }

    void policy(TrustPolicy p) throws FeatureException {
        service.setTrustPolicy(p);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
