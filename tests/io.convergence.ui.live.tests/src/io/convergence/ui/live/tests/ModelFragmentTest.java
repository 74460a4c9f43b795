package io.convergence.ui.live.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.convergence.testing.ui.ModelFragments;
import io.convergence.ui.live.internal.LiveValuesPart;
import io.convergence.ui.workbench.points.PointHandoff;

import org.junit.jupiter.api.Test;

/**
 * The bundle contributes its view to the workbench model as a part descriptor only (ADR 0005),
 * declared as a view that shows current values of points handed to it, starting in the Operate
 * perspective's bottom stack; the class and icon it names exist.
 */
class ModelFragmentTest {

    @Test
    void theDescriptorNamesTheViewClassItsIconTheBottomStackAndThePointsItTakes() throws Exception {
        List<String> seen = ModelFragments.checkDescriptors(LiveValuesPart.class, d -> {
            assertEquals("Operations", d.getAttribute("category"));
            assertEquals("Live Values", d.getAttribute("label"));
            assertEquals(PointHandoff.LIVE, ModelFragments.persistedState(d, PointHandoff.RECEIVES));
        });
        assertEquals(List.of("io.convergence.ui.live.view -> io.convergence.ui.operate.bottom"), seen);
    }
}
