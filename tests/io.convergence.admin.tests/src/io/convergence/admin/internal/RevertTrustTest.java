package io.convergence.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.convergence.admin.Change;
import io.convergence.admin.FeatureException;
import io.convergence.admin.Progress;

/** Reverts and updates take content from the bundle pool; it is checked against the policy like any other. */
class RevertTrustTest {

    @TempDir
    Path tmp;
    TestInstallation inst;
    TestJars.Publisher partner;

    @BeforeEach
    void setUp() throws Exception {
        inst = TestInstallation.create(tmp);
        partner = TestJars.selfSigned("Partner");
        inst.service.trust(partner.certificate());
    }

    private TestRepo signedRepo(String name, String version) throws Exception {
        Path jar = TestJars.bundle(tmp.resolve(name + "-jars"), "com.example.pool", version);
        partner.sign(jar);
        return new TestRepo(tmp.resolve(name)).add(
            TestRepo.Unit.bundle("com.example.pool", version, jar, TestJars.manifest("com.example.pool", version)),
            TestRepo.Unit.feature("com.example.pool", version).requires("com.example.pool", version)).write();
    }

    @Test
    void aPoolJarReplacedByAnUnsignedOneIsRefusedOnRevert() throws Exception {
        TestRepo repo = signedRepo("repo", "1.0.0");
        inst.service.apply(new Change.Install("com.example.pool", "", List.of(repo.uri())), Progress.NONE);
        int withIt = inst.service.history().size();
        inst.service.apply(new Change.Uninstall("com.example.pool"), Progress.NONE);
        Path pooled = inst.folder.resolve("plugins/com.example.pool_1.0.0.jar");
        assertTrue(Files.exists(pooled), "the uninstalled jar stays in the pool for reverts");
        Path unsigned = TestJars.bundle(tmp.resolve("swap"), "com.example.pool", "1.0.0");
        Files.copy(unsigned, pooled, StandardCopyOption.REPLACE_EXISTING);
        TestInstallation.State before = inst.state();

        FeatureException e = assertThrows(FeatureException.class, () -> inst.service.apply(
            new Change.Revert(withIt), Progress.NONE));

        assertEquals(FeatureException.Kind.UNTRUSTED, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("com.example.pool"), e.getMessage());
        assertEquals(before, inst.state());
        assertEquals("refused", inst.lastAudit().result());
    }

    @Test
    void aRevertToContentSignedByAPublisherNoLongerTrustedIsRefused() throws Exception {
        TestRepo repo = signedRepo("repo", "1.0.0");
        inst.service.apply(new Change.Install("com.example.pool", "", List.of(repo.uri())), Progress.NONE);
        int withIt = inst.service.history().size();
        inst.service.apply(new Change.Uninstall("com.example.pool"), Progress.NONE);
        var p = inst.service.trustPolicy();
        inst.policy(new io.convergence.admin.TrustPolicy(List.of(), p.pgpKeys(), false, List.of()));
        TestInstallation.State before = inst.state();

        FeatureException e = assertThrows(FeatureException.class, () -> inst.service.apply(
            new Change.Revert(withIt), Progress.NONE));

        assertEquals(FeatureException.Kind.UNTRUSTED, e.kind(), e.getMessage());
        assertEquals(before, inst.state());
    }

    @Test
    void aRevertToTrustedContentRestoresIt() throws Exception {
        TestRepo repo = signedRepo("repo", "1.0.0");
        inst.service.apply(new Change.Install("com.example.pool", "", List.of(repo.uri())), Progress.NONE);
        String installed = inst.state().bundlesInfo();
        int withIt = inst.service.history().size();
        inst.service.apply(new Change.Uninstall("com.example.pool"), Progress.NONE);

        inst.service.apply(new Change.Revert(withIt), Progress.NONE);

        assertEquals(installed, inst.state().bundlesInfo());
    }

    /** In a product, p2 removes an unpacked feature from the pool when it uninstalls it; so does this. */
    private void dropUnpacked() throws Exception {
        var agent = TestInstallation.agents(inst.bc).createAgent(inst.installation.p2().toUri());
        try {
            var pool = agent.getService(org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager.class)
                .loadRepository(inst.folder.toUri(), null);
            var key = pool.query(org.eclipse.equinox.p2.repository.artifact.ArtifactKeyQuery.ALL_KEYS, null).toUnmodifiableSet()
                .stream().filter(k -> k.getClassifier().equals("org.eclipse.update.feature")).findFirst().orElseThrow();
            pool.removeDescriptor(key, null);
        } finally {
            agent.stop();
        }
        TestInstallation.deleteTree(inst.folder.resolve("features/com.example.pool_1.0.0"));
    }

    private TestRepo withFeatureJar(String name) throws Exception {
        Path jar = TestJars.bundle(tmp.resolve(name + "-jars"), "com.example.pool", "1.0.0");
        partner.sign(jar);
        Path featureJar = TestJars.feature(tmp.resolve(name + "-features"), "com.example.pool", "1.0.0", "com.example.pool");
        partner.sign(featureJar);
        return new TestRepo(tmp.resolve(name)).add(
            TestRepo.Unit.bundle("com.example.pool", "1.0.0", jar, TestJars.manifest("com.example.pool", "1.0.0")),
            TestRepo.Unit.featureJar("com.example.pool", "1.0.0", featureJar),
            TestRepo.Unit.feature("com.example.pool", "1.0.0").requires("com.example.pool", "1.0.0")
                .requires("com.example.pool.feature.jar", "1.0.0")).write();
    }

    @Test
    void aRevertFetchesWhatP2DroppedFromThePoolAgainFromWhereItWasAdmitted() throws Exception {
        TestRepo repo = withFeatureJar("repo");
        inst.service.apply(new Change.Install("com.example.pool", "", List.of(repo.uri())), Progress.NONE);
        Path unpacked = inst.folder.resolve("features/com.example.pool_1.0.0");
        assertTrue(Files.isDirectory(unpacked), "the feature is kept unpacked");
        int withIt = inst.service.history().size();
        inst.service.apply(new Change.Uninstall("com.example.pool"), Progress.NONE);
        dropUnpacked();

        inst.service.apply(new Change.Revert(withIt), Progress.NONE);

        assertTrue(Files.isDirectory(unpacked));
    }

    @Test
    void aRevertRefusesAFeatureItsRepositoryChangedSince() throws Exception {
        TestRepo repo = withFeatureJar("repo");
        inst.service.apply(new Change.Install("com.example.pool", "", List.of(repo.uri())), Progress.NONE);
        int withIt = inst.service.history().size();
        inst.service.apply(new Change.Uninstall("com.example.pool"), Progress.NONE);
        dropUnpacked();
        Path other = TestJars.feature(tmp.resolve("other"), "com.example.pool", "1.0.0", "com.example.other");
        partner.sign(other);
        Files.copy(other, repo.folder().resolve("features/com.example.pool_1.0.0.jar"), StandardCopyOption.REPLACE_EXISTING);
        TestInstallation.State before = inst.state();

        FeatureException e = assertThrows(FeatureException.class, () -> inst.service.apply(new Change.Revert(withIt), Progress.NONE));

        assertEquals(FeatureException.Kind.UNTRUSTED, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("not the content admitted"), e.getMessage());
        assertEquals(before, inst.state());
    }

    @Test
    void anUpdateTakingAReplacedJarFromThePoolIsRefused() throws Exception {
        TestRepo v1 = signedRepo("v1", "1.0.0");
        TestRepo v2 = signedRepo("v2", "2.0.0");
        inst.service.apply(new Change.Install("com.example.pool", "", List.of(v1.uri())), Progress.NONE);
        int first = inst.service.history().size();
        inst.service.apply(new Change.Update(List.of("com.example.pool"), List.of(v2.uri())), Progress.NONE);
        inst.service.apply(new Change.Revert(first), Progress.NONE);
        Path pooled = inst.folder.resolve("plugins/com.example.pool_2.0.0.jar");
        Files.copy(TestJars.bundle(tmp.resolve("swap"), "com.example.pool", "2.0.0"), pooled, StandardCopyOption.REPLACE_EXISTING);
        TestInstallation.State before = inst.state();

        FeatureException e = assertThrows(FeatureException.class, () -> inst.service.apply(
            new Change.Update(List.of("com.example.pool"), List.of(v2.uri())), Progress.NONE));

        assertEquals(FeatureException.Kind.UNTRUSTED, e.kind(), e.getMessage());
        assertEquals(before, inst.state());
    }
}
