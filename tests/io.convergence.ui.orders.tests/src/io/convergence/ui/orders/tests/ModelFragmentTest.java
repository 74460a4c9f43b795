package io.convergence.ui.orders.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.convergence.testing.ui.ModelFragments;
import io.convergence.ui.orders.internal.OrdersPart;

import org.junit.jupiter.api.Test;

/** The bundle contributes its view as a part descriptor only (ADR 5), in the Operate perspective's bottom stack. */
class ModelFragmentTest {

    @Test
    void theDescriptorNamesTheViewClassItsCategoryAndTheOperateBottom() throws Exception {
        List<String> seen = ModelFragments.checkDescriptors(OrdersPart.class, d -> {
            assertEquals("Performance", d.getAttribute("category"));
            assertEquals("Orders", d.getAttribute("label"));
        });
        assertEquals(List.of("io.convergence.ui.orders.view -> io.convergence.ui.operate.bottom"), seen);
    }
}
