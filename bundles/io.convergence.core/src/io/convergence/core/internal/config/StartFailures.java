package io.convergence.core.internal.config;

import java.util.Optional;

import io.convergence.api.config.ConfigurationService;
import io.convergence.core.ActivationFailure;

import org.osgi.framework.Constants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Why components configured from one source failed to activate, as SCR reports it: the failure is a
 * stack trace in text, of which the message that explains it best is kept.
 */
final class StartFailures {

    private final ServiceComponentRuntime scr;

    StartFailures(ServiceComponentRuntime scr) {
        this.scr = scr;
    }

    /** The first failed activation of a component whose configuration came from {@code source}. */
    Optional<String> of(String source) {
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION && c.failure != null
                    && source.equals(c.properties.get(ConfigurationService.SOURCE_PROPERTY))) {
                    Object pid = c.properties.get(Constants.SERVICE_PID);
                    return Optional.of(ActivationFailure.describe("configuration " + (pid == null ? d.name : pid),
                        c.failure));
                }
            }
        }
        return Optional.empty();
    }
}
