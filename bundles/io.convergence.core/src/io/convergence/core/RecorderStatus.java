package io.convergence.core;

import org.jspecify.annotations.Nullable;

/**
 * What the recorder has done.
 *
 * @param received samples taken from the bus
 * @param stored samples the historian acknowledged as durable
 * @param pending samples received and not yet stored
 * @param failedAppends appends that failed and were retried
 * @param lastError the last append failure, or {@code null}
 */
public record RecorderStatus(long received, long stored, long pending, long failedAppends, @Nullable String lastError) {
}
