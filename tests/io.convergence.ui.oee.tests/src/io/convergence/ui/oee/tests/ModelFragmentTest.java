package io.convergence.ui.oee.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.convergence.testing.ui.ModelFragments;
import io.convergence.ui.oee.internal.OeePart;

import org.junit.jupiter.api.Test;

/** The bundle contributes its view as a part descriptor only (ADR 5), in the Operate perspective's centre. */
class ModelFragmentTest {

    @Test
    void theDescriptorNamesTheViewClassItsCategoryAndTheOperateCentre() throws Exception {
        List<String> seen = ModelFragments.checkDescriptors(OeePart.class, d -> {
            assertEquals("Performance", d.getAttribute("category"));
            assertEquals("OEE", d.getAttribute("label"));
        });
        assertEquals(List.of("io.convergence.ui.oee.view -> io.convergence.ui.operate.center"), seen);
    }
}
