package io.convergence.core.internal.config;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Constants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits, before a configuration is created, until SCR has handled the deletion of an earlier one with
 * the same PID. ConfigurationAdmin tells SCR of a deletion later, on its event thread; when SCR learns
 * of it only after a configuration of the same PID was created again, it takes the new configuration
 * for an old one (it compares their change counts, and the new one counts from the start again) and
 * keeps the component of the deleted one running, with its old properties. A data folder removed and
 * applied again for another folder, a connection tested twice in a row: the second would run with the
 * first's settings.
 */
final class DeletionsInFlight {

    private static final Logger LOG = LoggerFactory.getLogger(DeletionsInFlight.class);
    /** ConfigurationAdmin's event thread: SCR handles deletions there, so waiting on it would wait for itself. */
    private static final String CM_EVENT_THREAD = "CM Event Dispatcher";

    private final ServiceComponentRuntime scr;
    private final Duration patience;

    DeletionsInFlight(ServiceComponentRuntime scr, Duration patience) {
        this.scr = scr;
        this.patience = patience;
    }

    /**
     * Returns once no component runs with a configuration of {@code pid} that ConfigurationAdmin no
     * longer has, or after the patience (then logs it).
     *
     * @param stored whether ConfigurationAdmin holds a configuration of this PID now (then it is an
     *     update, which SCR orders correctly, and nothing is waited for)
     */
    void awaitHandled(String pid, boolean stored) {
        if (stored || Thread.currentThread().getName().startsWith(CM_EVENT_THREAD)) {
            return;
        }
        long deadline = System.nanoTime() + patience.toNanos();
        while (held(pid)) {
            if (System.nanoTime() > deadline) {
                LOG.warn("a component still runs with the deleted configuration {} after {} s; applying the new one anyway",
                    pid, patience.toSeconds());
                return;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Whether SCR holds a component configuration made from a configuration of this PID. */
    private boolean held(String pid) {
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                if (pid.equals(c.properties.get(Constants.SERVICE_PID))) {
                    return true;
                }
            }
        }
        return false;
    }
}
