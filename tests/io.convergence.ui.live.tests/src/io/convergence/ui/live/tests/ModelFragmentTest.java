package io.convergence.ui.live.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.convergence.testing.ui.ModelFragments;
import io.convergence.ui.live.internal.LiveValuesPart;
import io.convergence.ui.workbench.points.PointHandoff;

import org.junit.jupiter.api.Test;

/**
 * The bundle contributes its view to the workbench model as a part descriptor only (ADR 0005),
 * under the id other views hand points to, starting in the Operate perspective's centre stack; the
 * class and icon it names exist.
 */
class ModelFragmentTest {

    @Test
    void theDescriptorNamesTheViewClassItsIconAndTheCentreStack() throws Exception {
        List<String> seen = ModelFragments.checkDescriptors(LiveValuesPart.class, d -> {
            assertEquals("Operations", d.getAttribute("category"));
            assertEquals("Live Values", d.getAttribute("label"));
        });
        assertEquals(List.of(PointHandoff.LIVE_VALUES_VIEW + " -> io.convergence.ui.operate.bottom"), seen);
    }
}
