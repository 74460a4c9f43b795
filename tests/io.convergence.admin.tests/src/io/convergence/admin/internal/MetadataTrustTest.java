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
}
