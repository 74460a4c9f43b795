package io.convergence.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.convergence.admin.Change;
import io.convergence.admin.FeatureException;
import io.convergence.admin.Progress;
import io.convergence.admin.TrustPolicy;

/**
 * Artifact and unit ids become file names (the check's scratch copy, the bundle pool's
 * {@code plugins/ID_VERSION.jar}, a feature's folder): ids that would leave their folder are refused
 * before any file is written, even from a repository whose unsigned content the admin allows.
 */
class PathSafetyTest {

    @TempDir
    Path tmp;
    TestInstallation inst;

    @BeforeEach
    void setUp() throws Exception {
        inst = TestInstallation.create(tmp);
    }

    @Test
    void anArtifactIdThatClimbsOutOfItsFolderIsRefusedAndWritesNothing() throws Exception {
        Path escaped = Files.createDirectories(tmp.resolve("escaped"));
        String climb = "../".repeat(24) + escaped.toString().substring(1) + "/evil";
        Path jar = TestJars.bundle(tmp.resolve("jars"), "com.example.evil", "1.0.0");
        TestRepo.Unit bundle = TestRepo.Unit.bundle("com.example.evil", "1.0.0", jar, TestJars.manifest("com.example.evil", "1.0.0"));
        bundle.artifacts.set(0, new TestRepo.Artifact("osgi.bundle", climb, "1.0.0", jar));
        Path repoDir = tmp.resolve("repo");
        TestRepo repo = new TestRepo(repoDir).mappings(List.of("(& (classifier=osgi.bundle))|${repoUrl}/plugins/payload.jar"))
            .add(bundle, TestRepo.Unit.feature("com.example.evil", "1.0.0").requires("com.example.evil", "1.0.0")).write();
        Files.createDirectories(repoDir.resolve("plugins"));
        Files.copy(jar, repoDir.resolve("plugins/payload.jar"));
        inst.policy(new TrustPolicy(List.of(), List.of(), false, List.of(repo.uri())));
        TestInstallation.State before = inst.state();

        FeatureException e = assertThrows(FeatureException.class, () -> inst.service.apply(
            new Change.Install("com.example.evil", "", List.of(repo.uri())), Progress.NONE));

        assertEquals(FeatureException.Kind.INVALID, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("evil"), e.getMessage());
        try (Stream<Path> s = Files.list(escaped)) {
            assertEquals(List.of(), s.toList(), "a file was written outside the folders of the change");
        }
        assertEquals(before, inst.state());
        assertEquals("refused", inst.lastAudit().result());
    }

    @Test
    void unitIdsAndVersionsThatAreNoFileNamesAreRefused() throws Exception {
        for (String bad : List.of("a/b", "..", "a\\b", "x..y/..", "a b", "a*b")) {
            Path dir = tmp.resolve("repo-" + Integer.toHexString(bad.hashCode()));
            Path jar = TestJars.bundle(tmp.resolve("jars"), "com.example.fine", "1.0.0");
            TestRepo.Unit bundle = TestRepo.Unit.bundle(bad, "1.0.0", jar, TestJars.manifest("com.example.fine", "1.0.0"));
            TestRepo repo = new TestRepo(dir).add(bundle,
                TestRepo.Unit.feature("com.example.odd", "1.0.0").requires(bad, "1.0.0")).write();
            inst.policy(new TrustPolicy(List.of(), List.of(), false, List.of(repo.uri())));
            TestInstallation.State before = inst.state();
            FeatureException e = assertThrows(FeatureException.class, () -> inst.service.apply(
                new Change.Install("com.example.odd", "", List.of(repo.uri())), Progress.NONE), bad);
            assertEquals(FeatureException.Kind.INVALID, e.kind(), bad + ": " + e.getMessage());
            assertEquals(before, inst.state(), bad);
            assertFalse(Files.exists(inst.folder.resolve("plugins/com.example.fine_1.0.0.jar")));
        }
    }
}
