package io.convergence.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

import io.convergence.admin.Change;
import io.convergence.admin.ChangePlan;
import io.convergence.admin.Progress;
import io.convergence.admin.TrustPolicy;

/**
 * Views come and go while the workbench runs (their model fragments are merged and removed live), so
 * the preview of a view's install or removal says no restart is needed; a bundle that adds a model
 * processor, which the workbench runs only at start, still needs one.
 */
class ViewRestartTest {

    private static final String MODEL = RestartCheck.WORKBENCH_MODEL;

    private static final String VIEW_XML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <?eclipse version="3.4"?>
        <plugin>
           <extension id="com.example.view.fragment" point="org.eclipse.e4.workbench.model">
              <fragment uri="fragment.e4xmi" apply="always"/>
           </extension>
        </plugin>
        """;

    private static final String PROCESSOR_XML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <plugin>
           <extension id="com.example.processor.model" point="org.eclipse.e4.workbench.model">
              <processor class="com.example.processor.Layout" beforefragment="false"/>
           </extension>
        </plugin>
        """;

    @TempDir
    Path tmp;
    TestInstallation inst;
    TestRepo repo;

    @BeforeEach
    void setUp() throws Exception {
        inst = TestInstallation.create(tmp);
        Path jars = tmp.resolve("jars");
        Path model = TestJars.bundle(jars, MODEL, "2.4.800");
        String requiresModel = "Require-Bundle: " + MODEL;
        Path view = TestJars.bundle(jars, "com.example.view", "1.0.0", Map.of("plugin.xml", VIEW_XML,
            "fragment.e4xmi", "<fragment:ModelFragments/>"), requiresModel, "Bundle-ActivationPolicy: lazy");
        Path processor = TestJars.bundle(jars, "com.example.processor", "1.0.0", Map.of("plugin.xml", PROCESSOR_XML),
            requiresModel);
        repo = new TestRepo(tmp.resolve("repo")).add(
            TestRepo.Unit.bundle(MODEL, "2.4.800", model, TestJars.manifest(MODEL, "2.4.800")),
            onModel(TestRepo.Unit.bundle("com.example.view", "1.0.0", view,
                TestJars.manifest("com.example.view", "1.0.0", requiresModel))),
            onModel(TestRepo.Unit.bundle("com.example.processor", "1.0.0", processor,
                TestJars.manifest("com.example.processor", "1.0.0", requiresModel))),
            TestRepo.Unit.feature("com.example.view", "1.0.0").requires("com.example.view", "1.0.0"),
            TestRepo.Unit.feature("com.example.processor", "1.0.0").requires("com.example.processor", "1.0.0")).write();
        inst.policy(new TrustPolicy(List.of(), List.of(), false, List.of(repo.uri())));
    }

    /** The requirement p2's publisher writes for {@code Require-Bundle}. */
    private static TestRepo.Unit onModel(TestRepo.Unit u) {
        u.requires.add(new String[] {"osgi.bundle", MODEL, "0.0.0"});
        return u;
    }

    private ChangePlan preview(String feature) throws Exception {
        return inst.service.preview(new Change.Install(feature, "", List.of(repo.uri())), Progress.NONE);
    }

    @Test
    void installingAViewNeedsNoRestart() throws Exception {
        ChangePlan plan = preview("com.example.view");

        assertTrue(plan.ok(), plan.problems().toString());
        assertTrue(plan.added().stream().anyMatch(u -> u.id().equals("com.example.view")), plan.added().toString());
        assertFalse(plan.restartNeeded(), plan.restartReason());
        assertEquals("", plan.restartReason());
    }

    @Test
    void installingABundleThatAddsAModelProcessorStillNeedsARestartAndSaysWhy() throws Exception {
        ChangePlan plan = preview("com.example.processor");

        assertTrue(plan.restartNeeded());
        assertEquals("com.example.processor adds a processor to the workbench's application model, which the"
            + " workbench runs only at start: restart it to apply", plan.restartReason());
    }

    @Test
    void removingOrUpdatingARunningViewNeedsNoRestartButAProcessorDoes() throws Exception {
        Path jars = tmp.resolve("running");
        Bundle view = inst.bc.installBundle("test:com.example.view", java.nio.file.Files.newInputStream(
            TestJars.bundle(jars, "com.example.view", "1.0.0", Map.of("plugin.xml", VIEW_XML), "Require-Bundle: " + MODEL)));
        Bundle processor = inst.bc.installBundle("test:com.example.processor", java.nio.file.Files.newInputStream(
            TestJars.bundle(jars, "com.example.processor", "1.0.0", Map.of("plugin.xml", PROCESSOR_XML))));
        try {
            assertEquals("", RestartCheck.reason(inst.bc, List.of("com.example.view")));
            assertEquals("com.example.processor adds a processor to the workbench's application model, which the"
                + " workbench runs only at start: restart it to apply",
                RestartCheck.reason(inst.bc, List.of("com.example.view", "com.example.processor")));
        } finally {
            view.uninstall();
            processor.uninstall();
        }
    }
}
