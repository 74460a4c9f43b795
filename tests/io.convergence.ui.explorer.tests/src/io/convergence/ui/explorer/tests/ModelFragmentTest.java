package io.convergence.ui.explorer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;

import io.convergence.testing.ui.ModelFragments;
import io.convergence.ui.explorer.internal.ExplorerPart;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

/**
 * The bundle contributes its view to the workbench model as part descriptors only (ADR 0005): one
 * for the Operate perspective's left stack under the id other views hand points to, one for the
 * Engineer perspective's; the class, icon and stacks they name exist.
 */
class ModelFragmentTest {

    @Test
    void descriptorsNameTheExplorerClassItsIconAndTheLeftStacks() throws Exception {
        List<String> seen = ModelFragments.checkDescriptors(ExplorerPart.class,
            d -> assertEquals("Plant", d.getAttribute("category")));
        assertEquals(List.of("io.convergence.ui.explorer.view -> io.convergence.ui.operate.left",
            "io.convergence.ui.explorer.view.engineer -> io.convergence.ui.engineer.left"), seen);
        assertNotNull(FrameworkUtil.getBundle(ExplorerPart.class).getEntry("icons/folder.png"),
            "tree icons are packaged (build.properties)");
    }
}
