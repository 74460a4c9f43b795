package io.convergence.ui.downtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.convergence.testing.ui.ModelFragments;
import io.convergence.ui.downtime.internal.DowntimePart;

import org.junit.jupiter.api.Test;

/** The bundle contributes its view as a part descriptor only (ADR 5), in the Engineer perspective's centre (correcting stops is set-up work). */
class ModelFragmentTest {

    @Test
    void theDescriptorNamesTheViewClassItsCategoryAndTheEngineerCentre() throws Exception {
        List<String> seen = ModelFragments.checkDescriptors(DowntimePart.class, d -> {
            assertEquals("Performance", d.getAttribute("category"));
            assertEquals("Downtime", d.getAttribute("label"));
        });
        assertEquals(List.of("io.convergence.ui.downtime.view -> io.convergence.ui.engineer.center"), seen);
    }
}
