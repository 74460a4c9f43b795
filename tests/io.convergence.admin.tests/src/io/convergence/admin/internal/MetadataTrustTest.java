package io.convergence.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.convergence.admin.AuditEntry;
import io.convergence.admin.Change;
import io.convergence.admin.FeatureException;
import io.convergence.admin.Progress;

/**
 * Units without artifacts still carry touchpoint instructions that p2 runs: they are content to
 * trust. Under the default policy a repository of such metadata installs nothing.
 */
class MetadataTrustTest {

    @TempDir
    Path tmp;
    TestInstallation inst;

    @BeforeEach
    void setUp() throws Exception {
        inst = TestInstallation.create(tmp);
    }

    private static TestRepo.Unit metadataOnly(String featureId, String phase, String instruction) {
        return TestRepo.Unit.feature(featureId, "1.0.0").touchpoint("org.eclipse.equinox.p2.native", "1.0.0")
            .instruction(phase, instruction);
    }

    @Test
    void aMetadataOnlyFeatureThatMakesAFolderIsRefusedUnderTheDefaultPolicy() throws Exception {
        Path made = tmp.resolve("made-by-metadata");
        TestRepo repo = new TestRepo(tmp.resolve("repo")).add(metadataOnly("com.example.meta", "configure",
            "mkdir(path:" + made + ");")).write();
        TestInstallation.State before = inst.state();

        FeatureException e = assertThrows(FeatureException.class, () -> inst.service.apply(
            new Change.Install("com.example.meta", "", List.of(repo.uri())), Progress.NONE));

        assertEquals(FeatureException.Kind.UNTRUSTED, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("mkdir"), e.getMessage());
        assertFalse(Files.exists(made), "the instruction ran");
        assertEquals(before, inst.state());
        AuditEntry last = inst.lastAudit();
        assertEquals("refused", last.result());
        assertTrue(last.detail().contains("mkdir"), last.detail());
    }

    private void refused(String feature, TestRepo repo, String mentioned) throws Exception {
        TestInstallation.State before = inst.state();
        FeatureException e = assertThrows(FeatureException.class, () -> inst.service.apply(
            new Change.Install(feature, "", List.of(repo.uri())), Progress.NONE));
        assertEquals(FeatureException.Kind.UNTRUSTED, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(mentioned), e.getMessage());
        assertEquals(before, inst.state());
        assertEquals("refused", inst.lastAudit().result());
    }

    @Test
    void aSignedBundleWhoseInstructionsAlsoChangeTheLauncherIsRefused() throws Exception {
        TestJars.Publisher partner = TestJars.selfSigned("Partner");
        inst.service.trust(partner.certificate());
        Path jar = TestJars.bundle(tmp.resolve("jars"), "com.example.jvm", "1.0.0");
        partner.sign(jar);
        TestRepo.Unit bundle = TestRepo.Unit.bundle("com.example.jvm", "1.0.0", jar, TestJars.manifest("com.example.jvm", "1.0.0"))
            .instruction("configure", "markStarted(started:true);addJvmArg(jvmArg:-javaagent:/tmp/agent.jar);");
        TestRepo repo = new TestRepo(tmp.resolve("repo")).add(bundle,
            TestRepo.Unit.feature("com.example.jvm", "1.0.0").requires("com.example.jvm", "1.0.0")).write();

        refused("com.example.jvm", repo, "addJvmArg");
    }

    @Test
    void aFragmentThatStopsAnInstalledBundleIsRefused() throws Exception {
        TestRepo repo = new TestRepo(tmp.resolve("repo")).add(
            new TestRepo.Unit("com.example.stopper", "1.0.0").fragmentOf("io.convergence.test.base")
                .instruction("configure", "markStarted(started:false);"),
            TestRepo.Unit.feature("com.example.stopper", "1.0.0").requires("com.example.stopper", "1.0.0")).write();

        refused("com.example.stopper", repo, "com.example.stopper");
    }

    @Test
    void metadataWhoseIndexIsSignedByATrustedPublisherInstalls() throws Exception {
        Path made = tmp.resolve("made-by-signed-metadata");
        TestRepo repo = new TestRepo(tmp.resolve("repo")).add(metadataOnly("com.example.signedmeta", "configure",
            "mkdir(path:" + made + ");")).write();
        TestJars.Publisher partner = TestJars.selfSigned("Partner");
        signIndex(repo, partner);

        refused("com.example.signedmeta", repo, "mkdir");
        assertFalse(Files.exists(made));

        inst.service.trust(partner.certificate());
        inst.service.apply(new Change.Install("com.example.signedmeta", "", List.of(repo.uri())), Progress.NONE);
        assertTrue(Files.isDirectory(made));
    }

    @Test
    void aSignedIndexDoesNotVouchForOtherInstructionsThanItHolds() throws Exception {
        TestJars.Publisher partner = TestJars.selfSigned("Partner");
        inst.service.trust(partner.certificate());
        Path harmless = tmp.resolve("harmless");
        Path made = tmp.resolve("made-by-swapped-metadata");
        TestRepo repo = new TestRepo(tmp.resolve("repo")).add(metadataOnly("com.example.swapped", "configure",
            "mkdir(path:" + harmless + ");")).write();
        signIndex(repo, partner);
        // The repository serves other metadata than it signed: p2 reads content.xml.xz, the signature covers content.jar.
        String swapped = new TestRepo(tmp.resolve("repo")).add(metadataOnly("com.example.swapped", "configure",
            "mkdir(path:" + made + ");")).content();
        try (var out = new org.tukaani.xz.XZOutputStream(Files.newOutputStream(repo.folder().resolve("content.xml.xz")),
            new org.tukaani.xz.LZMA2Options())) {
            out.write(swapped.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Files.writeString(repo.folder().resolve("p2.index"), "version=1\nmetadata.repository.factory.order=content.xml.xz,!\n"
            + "artifact.repository.factory.order=artifacts.xml,!\n");

        refused("com.example.swapped", repo, "mkdir");
        assertFalse(Files.exists(made));
        assertFalse(Files.exists(harmless));
    }

    /** Puts the repository's content.xml into a content.jar signed by the publisher, as a signed p2 index. */
    private static void signIndex(TestRepo repo, TestJars.Publisher publisher) throws Exception {
        Path jar = repo.folder().resolve("content.jar");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.zip.ZipEntry("content.xml"));
            out.write(Files.readAllBytes(repo.folder().resolve("content.xml")));
            out.closeEntry();
        }
        publisher.sign(jar);
        Files.delete(repo.folder().resolve("content.xml"));
    }
}
