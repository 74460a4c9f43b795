package io.convergence.ui.features.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.convergence.testing.ui.ModelFragments;
import io.convergence.ui.features.internal.ui.FeaturesPart;

import org.junit.jupiter.api.Test;

/**
 * The bundle contributes its view as a part descriptor only (ADR 0005), in the Administration
 * category, starting where Connections starts (the Engineer perspective's centre stack).
 */
class ModelFragmentTest {

    @Test
    void theDescriptorNamesTheViewClassItsIconAndTheEngineerCentreStack() throws Exception {
        List<String> seen = ModelFragments.checkDescriptors(FeaturesPart.class, d -> {
            assertEquals("Administration", d.getAttribute("category"));
            assertEquals("Features", d.getAttribute("label"));
        });
        assertEquals(List.of(FeaturesPart.VIEW_ID + " -> io.convergence.ui.engineer.center"), seen);
    }
}
