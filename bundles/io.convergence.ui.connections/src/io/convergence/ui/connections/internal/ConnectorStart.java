package io.convergence.ui.connections.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.convergence.api.config.ConfigurationService;

import org.jspecify.annotations.Nullable;
import org.osgi.framework.Constants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * Where the connector of a configuration stands while no connector service runs for it yet, as the
 * component runtime (SCR) reports it. The view calls a connection failed on this evidence, not
 * because it took long: on a busy machine configurations reach their components one after the
 * other, and a connector may take many seconds to come up.
 *
 * @param stage how far it came
 * @param detail the sentence for the view; for {@link Stage#FAILED} the component's own reason
 */
public record ConnectorStart(Stage stage, String detail) {

    /** How far the connector of a configuration came. */
    public enum Stage {
        /** Nothing is known: no component runtime, or a connector that is not a component. */
        UNKNOWN,
        /** No installed component takes configurations of its type. */
        NO_PROVIDER,
        /** A component takes it and has not failed: the connector is on its way. */
        STARTING,
        /** The component waits for services it needs. */
        WAITING,
        /** The component's activation failed. */
        FAILED
    }

    /** Nothing known of it. */
    public static final ConnectorStart UNKNOWN = new ConnectorStart(Stage.UNKNOWN, "");

    /**
     * Reads SCR once for every configuration asked after.
     *
     * @param scr the component runtime; {@code null} gives {@link #UNKNOWN} for each
     * @param config the configuration service, for a failed component's reason in one line; may be
     *     {@code null}
     */
    public static Function<ConnectionConfig, ConnectorStart> of(@Nullable ServiceComponentRuntime scr,
                                                                @Nullable ConfigurationService config) {
        if (scr == null) {
            return c -> UNKNOWN;
        }
        Collection<ComponentDescriptionDTO> all = scr.getComponentDescriptionDTOs();
        return c -> of(scr, all, config, c);
    }

    private static ConnectorStart of(ServiceComponentRuntime scr, Collection<ComponentDescriptionDTO> all,
                                     @Nullable ConfigurationService config, ConnectionConfig c) {
        boolean provided = false;
        for (ComponentDescriptionDTO d : all) {
            if (!List.of(d.configurationPid).contains(c.factoryPid())) {
                continue;
            }
            provided = true;
            for (ComponentConfigurationDTO cc : scr.getComponentConfigurationDTOs(d)) {
                if (!c.pid().equals(cc.properties.get(Constants.SERVICE_PID))) {
                    continue;
                }
                if (cc.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    return new ConnectorStart(Stage.FAILED, "the connector could not start: " + reason(scr, all, cc, config, c));
                }
                if (cc.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE && cc.unsatisfiedReferences.length > 0) {
                    StringBuilder b = new StringBuilder("configured; the connector waits for ");
                    String sep = "";
                    for (UnsatisfiedReferenceDTO r : cc.unsatisfiedReferences) {
                        b.append(sep).append(r.name);
                        sep = ", ";
                    }
                    return new ConnectorStart(Stage.WAITING, b.toString());
                }
            }
        }
        return provided ? new ConnectorStart(Stage.STARTING, "configured; waiting for the connector to start")
            : new ConnectorStart(Stage.NO_PROVIDER, "configured, but no installed bundle runs connectors of "
                + c.factoryPid());
    }

    /**
     * The configuration service's one line when this is the only failed component of its source (the
     * service answers for a source), else the first line of the trace.
     */
    private static String reason(ServiceComponentRuntime scr, Collection<ComponentDescriptionDTO> all,
                                 ComponentConfigurationDTO failed, @Nullable ConfigurationService config,
                                 ConnectionConfig c) {
        String source = c.source();
        if (config != null && source != null && failedFrom(scr, all, source) == 1) {
            Optional<String> said = config.startFailure(source);
            if (said.isPresent()) {
                return said.get();
            }
        }
        String trace = failed.failure == null ? "" : failed.failure;
        return trace.lines().findFirst().orElse("see the log");
    }

    private static int failedFrom(ServiceComponentRuntime scr, Collection<ComponentDescriptionDTO> all, String source) {
        int n = 0;
        for (ComponentDescriptionDTO d : all) {
            for (ComponentConfigurationDTO cc : scr.getComponentConfigurationDTOs(d)) {
                if (cc.state == ComponentConfigurationDTO.FAILED_ACTIVATION
                    && source.equals(cc.properties.get(ConfigurationService.SOURCE_PROPERTY))) {
                    n++;
                }
            }
        }
        return n;
    }
}
