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

import io.convergence.admin.Change;
import io.convergence.admin.FeatureException;
import io.convergence.admin.Progress;
import io.convergence.admin.TrustPolicy;

/**
 * A composite repository is a list of other repositories, which anyone who edits it can extend:
 * allowing unsigned content from the composite covers none of its children; each rule covers the
 * repository it names.
 */
class CompositeTrustTest {

    @TempDir
    Path tmp;
    TestInstallation inst;
    TestRepo child;
    Path composite;

    @BeforeEach
    void setUp() throws Exception {
        inst = TestInstallation.create(tmp);
        Path jar = TestJars.bundle(tmp.resolve("jars"), "com.example.child", "1.0.0");
        Path made = tmp.resolve("made-by-child");
        child = new TestRepo(tmp.resolve("child")).add(
            TestRepo.Unit.bundle("com.example.child", "1.0.0", jar, TestJars.manifest("com.example.child", "1.0.0")),
            TestRepo.Unit.feature("com.example.child", "1.0.0").requires("com.example.child", "1.0.0"),
            TestRepo.Unit.feature("com.example.childmeta", "1.0.0").touchpoint("org.eclipse.equinox.p2.native", "1.0.0")
                .instruction("configure", "mkdir(path:" + made + ");")).write();
        composite = tmp.resolve("composite");
        TestRepo.composite(composite, List.of(child.uri()));
    }

    private void refused(String feature) throws Exception {
        TestInstallation.State before = inst.state();
        FeatureException e = assertThrows(FeatureException.class, () -> inst.service.apply(
            new Change.Install(feature, "", List.of(composite.toUri())), Progress.NONE));
        assertEquals(FeatureException.Kind.UNTRUSTED, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(child.uri().toString().replaceAll("/$", "")), e.getMessage());
        assertEquals(before, inst.state());
        assertEquals("refused", inst.lastAudit().result());
    }

    @Test
    void allowingTheCompositeDoesNotCoverItsChildren() throws Exception {
        inst.policy(new TrustPolicy(List.of(), List.of(), false, List.of(composite.toUri())));

        refused("com.example.child");
        refused("com.example.childmeta");
        assertFalse(Files.exists(tmp.resolve("made-by-child")));
    }

    @Test
    void aRuleThatNamesTheChildCoversIt() throws Exception {
        inst.policy(new TrustPolicy(List.of(), List.of(), false, List.of(composite.toUri(), child.uri())));

        inst.service.apply(new Change.Install("com.example.child", "", List.of(composite.toUri())), Progress.NONE);
        inst.service.apply(new Change.Install("com.example.childmeta", "", List.of(composite.toUri())), Progress.NONE);

        assertTrue(inst.state().bundlesInfo().contains("com.example.child,1.0.0"));
        assertTrue(Files.isDirectory(tmp.resolve("made-by-child")));
    }
}
