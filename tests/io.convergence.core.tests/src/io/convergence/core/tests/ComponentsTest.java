package io.convergence.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Collectors;

import io.convergence.testing.Osgi;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** The core's DS components are active without any configuration, except the recorder which needs a historian. */
class ComponentsTest {

    @Test
    void coreComponentsAreActive() {
        ServiceComponentRuntime scr = Osgi.await(ServiceComponentRuntime.class);
        Bundle core = FrameworkUtil.getBundle(io.convergence.core.Recorder.class);
        Map<String, Integer> states = scr.getComponentDescriptionDTOs(core).stream()
            .collect(Collectors.toMap(d -> d.name.substring(d.name.lastIndexOf('.') + 1), d -> state(scr, d)));
        for (String name : new String[] {"SampleBusImpl", "PointRegistryImpl", "EventBusImpl", "ConfigurationServiceImpl"}) {
            assertTrue(isUp(states.get(name)), name + " is satisfied or active: " + states);
        }
        // The recorder waits for a historian, which the core does not provide.
        assertEquals(ComponentConfigurationDTO.UNSATISFIED_REFERENCE, states.get("RecorderImpl"), states.toString());
    }

    private static boolean isUp(Integer state) {
        return state != null && (state == ComponentConfigurationDTO.SATISFIED || state == ComponentConfigurationDTO.ACTIVE);
    }

    private static int state(ServiceComponentRuntime scr, ComponentDescriptionDTO d) {
        long deadline = System.currentTimeMillis() + 5000;
        while (true) {
            var configs = scr.getComponentConfigurationDTOs(d);
            int s = configs.isEmpty() ? -1 : configs.iterator().next().state;
            if (isUp(s) || System.currentTimeMillis() > deadline
                || d.name.endsWith("RecorderImpl")) {
                return s;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return s;
            }
        }
    }
}
