package io.convergence.api.event;

import org.osgi.annotation.versioning.ProviderType;

/** A listener's registration with the {@link EventBus}; close it to stop listening. */
@ProviderType
public interface Registration extends AutoCloseable {

    @Override
    void close();
}
