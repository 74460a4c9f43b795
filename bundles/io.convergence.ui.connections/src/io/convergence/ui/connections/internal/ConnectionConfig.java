package io.convergence.ui.connections.internal;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One factory configuration of a connector type, as ConfigurationAdmin holds it.
 *
 * @param factoryPid the connector type
 * @param pid the configuration's PID
 * @param id the connector id it configures
 * @param source where it came from ({@link io.convergence.api.config.ConfigurationService#SOURCE_PROPERTY}):
 *        a file's absolute path or a name such as {@code workbench:connector}; {@code null} if it
 *        was made without a configuration file
 * @param properties its properties without the framework's ({@code service.*}) and the source
 */
public record ConnectionConfig(String factoryPid, String pid, String id, @Nullable String source,
                               Map<String, Object> properties) {

    public ConnectionConfig {
        properties = Map.copyOf(properties);
    }

    /** The value of a property as text, or empty. */
    public String text(String key) {
        Object v = properties.get(key);
        return v == null ? "" : FormModel.text(v);
    }
}
